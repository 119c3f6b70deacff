// The README's API tables, one per element, made from custom-elements.json
// (which `npm run build` writes from the elements' JSDoc).
// `node scripts/readme-api.mjs` rewrites them in place; tests/core/readme-api.test.js
// fails when the README's copy differs from what this makes.
import { readFile, writeFile } from 'node:fs/promises';

export const start = '<!-- api-tables:start (node scripts/readme-api.mjs) -->';
export const end = '<!-- api-tables:end -->';

const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text).replace(/`/g, "'")}\`` : '');

/** The markdown of every element's table, by tag name. */
export function apiTables(manifest) {
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName);
  // By tag name: the analyzer's order of files differs between machines.
  elements.sort((a, b) => a.tagName.localeCompare(b.tagName));
  return elements.map((element) => {
    const rows = [
      ...(element.attributes ?? []).map((item) => ['attribute', item.name, code(item.type?.text), code(item.default), item.description]),
      ...(element.members ?? []).filter((member) => member.kind === 'field' && !member.static && !member.privacy).map((item) => ['property', item.name, code(item.type?.text), code(item.default), item.description]),
      ...(element.events ?? []).filter((event) => event.name).map((item) => ['event', item.name, code(item.type?.text), '', item.description]),
      ...(element.slots ?? []).map((item) => ['slot', item.name || '(default)', '', '', item.description]),
      ...(element.cssParts ?? []).map((item) => ['part', item.name, '', '', item.description]),
      ...(element.cssProperties ?? []).map((item) => ['CSS property', item.name, '', code(item.default), item.description]),
    ];
    const lines = rows.map(([kind, name, type, fallback, description]) => `| ${kind} | \`${cell(name)}\` | ${type} | ${fallback} | ${cell(description)} |`);
    return [`### \`<${element.tagName}>\``, '', cell(element.summary), '', '| kind | name | type | default | description |', '|---|---|---|---|---|', ...lines].join('\n');
  }).join('\n\n');
}

/** The README with its tables replaced by `tables`. */
export function withTables(readme, tables) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md: the markers ${start} and ${end} are missing`);
  return `${readme.slice(0, from + start.length)}\n\n${tables}\n\n${readme.slice(to)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(await readFile(new URL('custom-elements.json', root), 'utf8'));
  const readme = await readFile(new URL('README.md', root), 'utf8');
  await writeFile(new URL('README.md', root), withTables(readme, apiTables(manifest)));
}
