// `npm start`: serves the demo, which loads the self-contained build from dist/.
export default {
  rootDir: '.',
  port: Number(process.env.PORT ?? 8000),
  hostname: 'localhost',
  middleware: [
    // The demo's relative URLs (../dist/…) need it to be served from /demo/.
    (context, next) => (context.path === '/' ? context.redirect('/demo/') : next()),
  ],
};
