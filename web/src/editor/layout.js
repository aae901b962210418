// Page layout controls: the split divider (mouse, touch and keyboard), the view mode
// (split / editor only / preview only) and the colour theme (system, light, dark).

const VIEWS = ['split', 'editor', 'preview'];
const THEMES = ['auto', 'light', 'dark'];
const kMinPane = 0.15;  // neither pane shrinks below 15% of the width: both stay usable

const darkQuery = matchMedia('(prefers-color-scheme: dark)');

/** 'light' or 'dark' for a theme choice ('auto' follows the system). */
export function resolveTheme(choice) {
  return choice === 'dark' || (choice !== 'light' && darkQuery.matches) ? 'dark' : 'light';
}

/**
 * Applies and watches the theme choice. `onResolved(theme)` runs with 'light'/'dark' now and
 * whenever the system changes while following it. Returns a setter for the choice.
 */
export function themeController(root, choice, onResolved) {
  let current = THEMES.includes(choice) ? choice : 'auto';
  const apply = () => onResolved?.(showTheme(root, current), current);
  darkQuery.addEventListener('change', () => { if (current === 'auto') apply(); });
  apply();
  return (next) => { current = THEMES.includes(next) ? next : 'auto'; apply(); };
}

// Marks `root` with the theme `choice` resolves to; returns it.
function showTheme(root, choice) {
  const theme = resolveTheme(choice);
  root.dataset.theme = theme;
  root.dataset.themeChoice = choice;
  root.style.colorScheme = theme;
  return theme;
}

/**
 * The page as the settings lay it out — theme, view and split — with nothing wired: for the
 * offline file's first preview (first-preview.js), painted before the page controls exist.
 * PageControls.applyLayout() sets the same later.
 */
export function presetLayout(root, workspace, { theme, view, split }) {
  showTheme(root, THEMES.includes(theme) ? theme : 'auto');
  applyView(root, view);
  workspace.style.setProperty('--dm-split', String(splitFraction(split ?? 0.5)));
}

const splitFraction = (value) => Math.min(1 - kMinPane, Math.max(kMinPane, value));

/** The next theme choice in the toggle's cycle. */
export function nextTheme(choice) {
  return THEMES[(THEMES.indexOf(choice) + 1) % THEMES.length];
}

/** Sets the view mode on `root` ('split', 'editor' or 'preview'); returns the mode applied. */
export function applyView(root, view) {
  const mode = VIEWS.includes(view) ? view : 'split';
  root.dataset.view = mode;
  return mode;
}

/**
 * Makes `divider` resize the split in `container` (CSS custom property --dm-split, a fraction of
 * the width given to the editor). `onChange(fraction)` runs when a drag or key press ends.
 */
export function splitDivider({ container, divider, fraction = 0.5, onChange }) {
  let current = fraction;
  const set = (value) => {
    current = splitFraction(value);
    container.style.setProperty('--dm-split', String(current));
    divider.setAttribute('aria-valuenow', String(Math.round(current * 100)));
  };
  set(fraction);
  divider.setAttribute('role', 'separator');
  divider.setAttribute('aria-orientation', 'vertical');
  divider.setAttribute('aria-valuemin', String(kMinPane * 100));
  divider.setAttribute('aria-valuemax', String((1 - kMinPane) * 100));
  divider.tabIndex = 0;

  divider.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    divider.setPointerCapture(event.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (e) => set((e.clientX - rect.left) / rect.width);
    const up = () => {
      divider.removeEventListener('pointermove', move);
      divider.removeEventListener('pointerup', up);
      divider.removeEventListener('pointercancel', up);
      onChange?.(current);
    };
    divider.addEventListener('pointermove', move);
    divider.addEventListener('pointerup', up);
    divider.addEventListener('pointercancel', up);
  });
  divider.addEventListener('keydown', (event) => {
    const step = event.shiftKey ? 0.1 : 0.02;
    const moves = { ArrowLeft: -step, ArrowRight: step, Home: -1, End: 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    set(current + moves[event.key]);
    onChange?.(current);
  });
  divider.addEventListener('dblclick', () => { set(0.5); onChange?.(current); });
  return { set };
}

/** The phone toolbar's file menu: `button` opens and closes `menu`; a choice or a click elsewhere closes it. */
export function fileMenu(button, menu) {
  const set = (open) => {
    button.setAttribute('aria-expanded', String(open));
    if (open) menu.dataset.open = ''; else delete menu.dataset.open;
  };
  button.addEventListener('click', (event) => { event.stopPropagation(); set(!('open' in menu.dataset)); });
  menu.addEventListener('click', () => set(false));
  document.addEventListener('click', (event) => { if (!menu.contains(event.target)) set(false); });
}
