// `npm start`: serves the demo, which loads the self-contained build from dist/.
import { pagefindDemoSite } from './scripts/pagefind-demo-site.mjs';

// The home page's Pagefind backend: the demo's posts prerendered and indexed at /pagefind/, their
// pages at the root, where the bundle's links point.
const pagefindSite = pagefindDemoSite('/');

export default {
  rootDir: '.',
  port: Number(process.env.PORT ?? 8000),
  hostname: 'localhost',
  middleware: [
    // The demo's relative URLs (../dist/…) need it to be served from /demo/.
    (context, next) => (context.path === '/' ? context.redirect('/demo/') : next()),
    pagefindSite.middleware,
  ],
  plugins: [pagefindSite.plugin],
};
