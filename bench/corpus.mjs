// The benchmark corpora, generated deterministically (same bytes on every machine and run).
//
//   seed      tests/fixtures/seed-post.md: one keystroke's worth of work in the editor
//   spec      the CommonMark spec text (node_modules/commonmark-spec/spec.txt)
//   post-100k a ~100 KB Chirpy post (front matter, 50 math spans)
//   blog-1m   a ~1 MB synthetic blog (front matter, exactly 500 math spans): headings,
//             lists, task lists, tables, code, math, images with {: w=…}, captions,
//             footnotes, prompts, Korean text. The editor latency run types into it too.
//
// Run directly to write them: node bench/corpus.mjs [OUT_DIR] [--smoke]

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// mulberry32: tiny, seedable, and identical everywhere (Math.random is none of these).
function makeRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KOREAN = ('부스트캠프 마스터님 캠퍼들의 커리어 발전과 멘탈관리 데이터 엔지니어 머신러닝 공부 체계적으로 ' +
  '방법 네트워크 이력서 목표 취업 시장 특별한 강의 블로그 정리 북마크 관심 사람들 개인적으로 발표 ' +
  '생각 피드백 수정 메모장 비즈니스 모델 직군 역할 핵심 자소서 분석 공유 두런두런 수근수근 속닥속닥 ' +
  '오늘은 그리고 무엇보다 긴 시간 정말 여러모로 배워보고 싶은 확실히 최근에 들어서야 알게 모르게').split(' ');
const ENGLISH = ('model serving pipeline gradient tensor batch layer attention encoder decoder token ' +
  'embedding loss optimizer dataset baseline inference latency cache kernel shader buffer parser ' +
  'renderer markdown preview keystroke module').split(' ');
const TEX = ['\\rightarrow', 'x^2 + y^2 = z^2', '\\alpha_t', '\\frac{a}{b}', '\\sum_{i=1}^{n} x_i',
  '\\mathbb{E}[X]', 'O(n \\log n)', '\\nabla_\\theta L', 'e^{i\\pi} + 1 = 0', '\\sqrt{d_k}'];
const LANGS = ['python', 'cpp', 'js', 'bash', 'yaml'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function words(random, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(random() < 0.75 ? pick(random, KOREAN) : pick(random, ENGLISH));
  return out.join(' ');
}

// A sentence with inline markup; `math` says whether it carries one inline math span.
function sentence(random, math, footnote) {
  let text = words(random, 6 + Math.floor(random() * 10));
  const roll = random();
  if (roll < 0.15) text += ` **${words(random, 2)}**`;
  else if (roll < 0.3) text += ` *${words(random, 2)}*`;
  else if (roll < 0.4) text += ` \`${pick(random, ENGLISH)}()\``;
  else if (roll < 0.5) text += ` [${words(random, 2)}](https://example.com/${pick(random, ENGLISH)})`;
  if (math) text += ` $${pick(random, TEX)}$`;
  if (footnote) text += `[^${footnote}]`;
  return `${text}.`;
}

// Spreads `count` math spans over a section's slots: inline ones in paragraphs, one display.
function section(random, index, mathCount) {
  const lines = [];
  let math = mathCount;
  const takeMath = () => (math > 0 ? (math--, true) : false);
  const note = `n${index}`;
  lines.push(`## ${index + 1}. ${words(random, 3)}`, '');
  for (let p = 0; p < 3; p++) {
    const sentences = [];
    for (let s = 0; s < 3; s++) sentences.push(sentence(random, s === 0 && takeMath(), p === 0 && s === 1 ? note : ''));
    lines.push(sentences.join(' '), '');
  }
  lines.push(`![${words(random, 2)}](/assets/img/post/${index}.png){: w="${400 + (index % 4) * 50}"}`);
  lines.push(`*${words(random, 4)}*`, '');
  for (let i = 0; i < 4; i++) lines.push(`- ${sentence(random, false, '')}`);
  lines.push(`  - ${words(random, 5)}`, `- [ ] ${words(random, 3)}`, `- [x] ${words(random, 3)}`, '');
  if (index % 2 === 0) {
    lines.push(`| ${words(random, 1)} | ${words(random, 1)} | score |`, '|:---|:---:|---:|');
    for (let r = 0; r < 4; r++) lines.push(`| ${words(random, 2)} | \`${pick(random, ENGLISH)}\` | ${r * 7 + index % 10} |`);
    lines.push('');
  }
  if (index % 3 === 0) {
    lines.push(`\`\`\`${pick(random, LANGS)}`);
    for (let i = 0; i < 6; i++) lines.push(`${pick(random, ENGLISH)}_${i} = ${pick(random, ENGLISH)}(${i}, "${pick(random, KOREAN)}")  # ${pick(random, ENGLISH)}`);
    lines.push('```', '');
  }
  if (takeMath()) lines.push('$$', `${pick(random, TEX)} = ${pick(random, TEX)}`, '$$', '');
  lines.push(`> ${sentence(random, false, '')}`, '{: .prompt-tip }', '');
  // Whatever math is left over goes into a closing paragraph, so the count is exact.
  const rest = [];
  while (math > 0) rest.push(sentence(random, takeMath(), ''));
  if (rest.length) lines.push(rest.join(' '), '');
  lines.push(`[^${note}]: ${sentence(random, false, '')}`, '');
  return lines.join('\n');
}

function frontMatter(title) {
  return ['---', 'layout: post', `title: "${title}"`, 'date: 2022-03-21 23:00:00 +0900',
    'categories: [Bench, Synthetic]', 'tags: [markdown, 벤치마크]', 'math: true', '---', ''].join('\n');
}

/**
 * A synthetic Chirpy post of about `bytes` UTF-8 bytes holding exactly `mathSpans` math spans.
 * @param {{bytes: number, mathSpans: number, seed: number, title: string}} spec
 * @returns {string}
 */
export function syntheticPost({ bytes, mathSpans, seed, title }) {
  // Pass 1 finds how many sections make `bytes`; pass 2 replays the same random
  // stream with the math spans spread evenly over that many sections.
  let count = 0;
  for (let size = 0, random = makeRandom(seed); size < bytes; count++) {
    size += Buffer.byteLength(section(random, count, 0)) + 1;
  }
  const random = makeRandom(seed);
  const sections = [];
  for (let i = 0; i < count; i++) {
    const share = Math.floor((mathSpans * (i + 1)) / count) - Math.floor((mathSpans * i) / count);
    sections.push(section(random, i, share));
  }
  return `${frontMatter(title)}\n${sections.join('\n')}`;
}

/**
 * Every corpus, by name, as {name, description, text}.
 * @param {{smoke?: boolean}} [options] smoke: tiny versions for the CI run
 */
export function buildCorpora({ smoke = false } = {}) {
  const seed = readFileSync(join(repoRoot, 'tests/fixtures/seed-post.md'), 'utf8');
  const spec = readFileSync(join(repoRoot, 'node_modules/commonmark-spec/spec.txt'), 'utf8');
  const scale = smoke ? 0.01 : 1;
  return [
    { name: 'seed', description: 'the seed post (one keystroke of work)', text: seed },
    { name: 'spec', description: 'CommonMark spec text', text: smoke ? spec.slice(0, 4000) : spec },
    { name: 'post-100k', description: '~100 KB Chirpy post, 50 math spans',
      text: syntheticPost({ bytes: 100_000 * scale, mathSpans: smoke ? 5 : 50, seed: 100, title: '100 KB post' }) },
    { name: 'blog-1m', description: '~1 MB synthetic blog, 500 math spans',
      text: syntheticPost({ bytes: 1_000_000 * scale, mathSpans: smoke ? 10 : 500, seed: 1000, title: '1 MB blog' }) },
  ];
}

/** Counts `$…$` and `$$…$$` spans the way a reader would (for the report, not for parsing). */
export function countMathSpans(text) {
  return (text.match(/\$\$[^$]+\$\$|\$[^$\n]+\$/g) ?? []).length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = resolve(args.find((a) => !a.startsWith('--')) ?? join(repoRoot, 'bench/results/tmp/corpus'));
  mkdirSync(out, { recursive: true });
  for (const corpus of buildCorpora({ smoke: args.includes('--smoke') })) {
    writeFileSync(join(out, `${corpus.name}.md`), corpus.text);
    console.log(`${corpus.name}.md  ${Buffer.byteLength(corpus.text)} bytes  ${countMathSpans(corpus.text)} math spans`);
  }
}
