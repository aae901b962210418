// The entry of dist/draftmark-mermaid.js (and of the copy inside the offline single file):
// mermaid alone, loaded by diagrams.js only when a post has a diagram.
export { default } from 'mermaid';
