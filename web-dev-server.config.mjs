// `npm start`: serves the demo, which loads the self-contained build from dist/.
export default {
  rootDir: '.',
  open: false,
  appIndex: 'demo/index.html',
  port: Number(process.env.PORT ?? 8000),
  hostname: 'localhost',
};
