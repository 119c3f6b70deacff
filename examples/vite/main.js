// One element and what it needs; Vite follows its `new URL('…woff2', import.meta.url)`
// references and emits KaTeX's fonts beside the bundle.
import 'sciblog-elements/post-body.js';
// The pure functions: the same ones a static-site build calls in Node.
import { renderMarkdown } from 'sciblog-elements/core';
// `?raw` is Vite's way to import a file as a string.
import post from './post.md?raw';

document.getElementById('post').markdown = post;

// No formula here on purpose: formulas outside the elements need KaTeX's
// stylesheet on the page (katex/dist/katex.min.css), which this example leaves out.
const note = renderMarkdown('This paragraph went through **renderMarkdown** into a plain `div`.');
document.getElementById('note').innerHTML = note.html;
