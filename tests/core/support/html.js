// A small HTML reader for assertions on rendered output: enough of the HTML
// tokenizer to see tags, attributes (entities decoded, as a browser would)
// and text the way a reader's browser does. Not a test file itself.

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

// The named references that matter here; anything else is reported by `undecodedEntities`.
const namedEntities = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  colon: ':', Tab: '\t', NewLine: '\n', sol: '/', period: '.', lpar: '(', rpar: ')', num: '#',
};

/** Decodes character references the way an attribute value or text node is decoded. */
export function decodeEntities(text) {
  return text.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));?/g, (whole, dec, hex, name) => {
    if (dec !== undefined) return String.fromCodePoint(Math.min(Number(dec), 0x10ffff));
    if (hex !== undefined) return String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff));
    return Object.hasOwn(namedEntities, name) ? namedEntities[name] : whole;
  });
}

/** Named references left in a raw attribute value that `decodeEntities` does not know. */
export function undecodedEntities(raw) {
  return [...raw.matchAll(/&([a-zA-Z][a-zA-Z0-9]*);?/g)].map((m) => m[1]).filter((name) => !Object.hasOwn(namedEntities, name));
}

/**
 * Parses HTML into `{ tag, attrs: [{ name, value, raw }], children, parent }`
 * element nodes and `{ text }` text nodes under a `{ tag: '#root' }` node.
 */
export function parseHtml(html) {
  const root = { tag: '#root', attrs: [], children: [], parent: null };
  let current = root;
  let i = 0;
  const pushText = (text) => {
    if (text) current.children.push({ text: decodeEntities(text), parent: current });
  };
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const endTag = /^<\/([a-zA-Z][^\s/>]*)[^>]*>/.exec(html.slice(lt));
    if (endTag) {
      const name = endTag[1].toLowerCase();
      for (let node = current; node !== root; node = node.parent) {
        if (node.tag === name) {
          current = node.parent;
          break;
        }
      }
      i = lt + endTag[0].length;
      continue;
    }
    const startTag = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(lt));
    if (!startTag) {
      pushText('<');
      i = lt + 1;
      continue;
    }
    const element = { tag: startTag[1].toLowerCase(), attrs: [], children: [], parent: current };
    let j = lt + startTag[0].length;
    let selfClosing = false;
    for (;;) {
      while (j < html.length && /[\s/]/.test(html[j])) {
        if (html[j] === '/' && html[j + 1] === '>') selfClosing = true;
        j++;
      }
      if (j >= html.length || html[j] === '>') break;
      const name = /^[^\s/>][^\s/>=]*/.exec(html.slice(j))[0];
      j += name.length;
      while (/\s/.test(html[j] ?? '')) j++;
      let raw = '';
      if (html[j] === '=') {
        j++;
        while (/\s/.test(html[j] ?? '')) j++;
        const quote = html[j];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, j + 1);
          raw = html.slice(j + 1, end < 0 ? html.length : end);
          j = end < 0 ? html.length : end + 1;
        } else {
          raw = /^[^\s>]*/.exec(html.slice(j))[0];
          j += raw.length;
        }
      }
      element.attrs.push({ name: name.toLowerCase(), value: decodeEntities(raw), raw });
    }
    i = j + 1;
    current.children.push(element);
    if (rawTextElements.has(element.tag)) {
      const close = html.toLowerCase().indexOf(`</${element.tag}`, i);
      const end = close < 0 ? html.length : close;
      element.children.push({ text: html.slice(i, end), parent: element });
      i = end;
    } else if (!voidElements.has(element.tag) && !selfClosing) {
      current = element;
    }
  }
  return root;
}

/** Every element under `node` (document order) for which `predicate` holds. */
export function findAll(node, predicate) {
  const found = [];
  const visit = (parent) => {
    for (const child of parent.children ?? []) {
      if (child.tag === undefined) continue;
      if (predicate(child)) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

export function attr(element, name) {
  return element.attrs.find((a) => a.name === name)?.value;
}

export function hasClass(element, name) {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

export const byClass = (name) => (element) => hasClass(element, name);

/** The text a reader sees (KaTeX's hidden MathML and zero-width spaces left out). */
export function visibleText(node) {
  if (node.text !== undefined) return node.text.replace(/\u200b/g, '');
  if (hasClass(node, 'katex-mathml')) return '';
  return (node.children ?? []).map(visibleText).join('');
}

/** The TeX source KaTeX keeps in the MathML annotation of each formula. */
export function annotations(html) {
  return findAll(parseHtml(html), (e) => e.tag === 'annotation').map((e) => e.children.map((c) => c.text ?? '').join(''));
}

/**
 * The equation tags a reader sees in one rendered formula, one entry per row
 * of an alignment ('' for a row without a number).
 */
export function tagTexts(element) {
  const [tag] = findAll(element, byClass('katex-tag'));
  if (!tag) return [];
  const rows = findAll(tag, (e) => /^top:/.test(attr(e, 'style') ?? ''));
  return rows.length > 0 ? rows.map(visibleText) : [visibleText(tag)];
}

/** Each `.sb-equation` of a rendered document: its id and the tags it shows. */
export function equationBlocks(html) {
  return findAll(parseHtml(html), byClass('sb-equation')).map((element) => ({
    id: attr(element, 'id'),
    anchors: findAll(element, byClass('sb-equation-anchor')).map((a) => attr(a, 'id')),
    tags: tagTexts(element),
    element,
  }));
}

/** Every `<a>` with its href and visible text. */
export function links(html) {
  return findAll(parseHtml(html), (e) => e.tag === 'a').map((a) => ({ href: attr(a, 'href'), text: visibleText(a), rel: attr(a, 'rel'), element: a }));
}
