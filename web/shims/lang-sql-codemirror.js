// Build-time stand-in for @codemirror/language and @codemirror/autocomplete, used only where
// the dist/ build bundles @codemirror/lang-sql for the preview's highlighter (code-parsers.js
// takes StandardSQL.language.parser: lang-sql's grammar, tokenizer and styleTags). At load time
// lang-sql only defines node props and languages; these stand-ins let it do that without
// pulling CodeMirror's view and state (~150 KB gzipped) into the chunk. Everything editor-side
// (indentation, folding, completion) throws if called: the preview never calls it.
// web/esbuild-plugins.mjs langSqlShimPlugin() points lang-sql's imports here; an export lang-sql
// starts to need makes esbuild fail the build, not the page.
const unavailable = (name) => () => { throw new Error(`draftmark: ${name} is not in the preview's SQL highlighter`); };
const propSource = { add: () => () => undefined };  // a NodePropSource adding nothing

export const indentNodeProp = propSource;
export const foldNodeProp = propSource;
export const continuedIndent = () => null;
export const LRLanguage = { define: (spec) => ({ name: spec.name, parser: spec.parser }) };
export const LanguageSupport = unavailable('LanguageSupport');
export const syntaxTree = unavailable('syntaxTree');
export const ifNotIn = unavailable('ifNotIn');
export const completeFromList = unavailable('completeFromList');
