// What a reader sees of the elements a selector matches: computed styles and box sizes,
// read in the page; and the comparison of two such readings within a tolerance.

// The styles compared unless a pair names its own.
export const kTextStyles = ['font-size', 'font-weight', 'font-style', 'color', 'line-height', 'font-family'];
export const kBoxStyles = ['background-color', 'border-width', 'border-style', 'border-color', 'border-radius',
  'padding', 'margin'];

/**
 * [{styles: {property: value}, box: {width, height, left}}] for each element `selector` matches;
 * `left` is from the left edge of the post column `column` (its content box).
 */
export function measure(page, selector, properties, column) {
  return page.$$eval(selector, (elements, [props, columnSelector]) => elements.map((el) => {
    const column = document.querySelector(columnSelector);
    const columnLeft = column.getBoundingClientRect().left + parseFloat(getComputedStyle(column).paddingLeft);
    const style = getComputedStyle(el);
    const styles = {};
    for (const prop of props) {
      const value = style.getPropertyValue(prop);
      // The first family is the one the page asks for; the fallbacks differ by design.
      styles[prop] = prop === 'font-family' ? value.split(',')[0].trim().replace(/^["']|["']$/g, '') : value;
    }
    // Without a border its colour and style are not seen (the colour is the text's).
    if ('border-color' in styles && /^(0px\s*)+$/.test(style.borderWidth)) styles['border-color'] = styles['border-style'] = 'no border';
    const rect = el.getBoundingClientRect();
    return { styles, box: { width: rect.width, height: rect.height, left: rect.left - columnLeft } };
  }), [properties, column]);
}

const pxList = (value) => (/^(-?[\d.]+px\s*)+$/.test(value) ? value.trim().split(/\s+/).map(parseFloat) : null);

/** Whether two computed values match: px lists within `px`, anything else exactly. */
export function sameValue(a, b, px) {
  const [x, y] = [pxList(a), pxList(b)];
  if (x && y) return x.length === y.length && x.every((n, i) => Math.abs(n - y[i]) <= px);
  return a === b;
}

/**
 * The differences between the real page's elements and the preview's, in order:
 * [{index, property, real, preview}] (property 'count', 'width', 'height' or 'left' for those).
 * `tolerance`: {px (style values), width, height, left} in CSS pixels.
 */
export function compareElements(real, preview, properties, tolerance) {
  const diffs = [];
  if (real.length !== preview.length) diffs.push({ index: -1, property: 'count', real: real.length, preview: preview.length });
  for (let i = 0; i < Math.min(real.length, preview.length); i++) {
    for (const prop of properties) {
      const [a, b] = [real[i].styles[prop], preview[i].styles[prop]];
      if (!sameValue(a, b, tolerance.px ?? 0.5)) diffs.push({ index: i, property: prop, real: a, preview: b });
    }
    for (const side of ['width', 'height', 'left']) {
      if (tolerance[side] === undefined) continue;  // not compared for this pair
      const [a, b] = [real[i].box[side], preview[i].box[side]];
      if (Math.abs(a - b) > tolerance[side]) diffs.push({ index: i, property: side, real: a, preview: b });
    }
  }
  return diffs;
}
