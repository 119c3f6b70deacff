// Starts the Waline server (`@waline/vercel`) with one addition a site on
// PostgreSQL needs: Waline writes comments to PostgreSQL inside E'…' string
// literals, where a backslash starts an escape, so `\frac` would be stored
// as a form feed and "rac", and `\sigma` as "sigma". Doubling the
// backslashes before Waline saves a comment (its `preSave` hook) stores the
// TeX as written. Usage: node start.cjs PORT (configured by environment
// variables, as Waline is).
const path = require('node:path');
const Application = require('thinkjs');

const root = path.dirname(require.resolve('@waline/vercel/package.json'));
const instance = new Application({ ROOT_PATH: root, APP_PATH: path.join(root, 'src'), proxy: true, env: 'production' });
instance.run();

think.config('preSave', (comment) => {
  if (typeof comment.comment === 'string') comment.comment = comment.comment.replaceAll('\\', '\\\\');
});
