// `npm run demo:waline`: the demo against a real comment server. Starts
// PostgreSQL and Waline (tests/waline/server.mjs: a throwaway database,
// removed on exit) and the demo's dev server, and prints the article page's
// address with ?waline=… so its comments go to that server.
import { spawn } from 'node:child_process';
import { startWaline } from '../tests/waline/server.mjs';

const waline = await startWaline();
const port = process.env.PORT ?? '8000';
const demo = spawn('npx', ['web-dev-server', '--config', 'web-dev-server.config.mjs'], { stdio: 'inherit', env: { ...process.env, PORT: port } });
console.log(`\nWaline is at ${waline.url}. Open:\n  http://localhost:${port}/demo/article.html?post=zh-softmax&waline=${encodeURIComponent(waline.url)}\n(Ctrl+C stops the demo, Waline and its database.)\n`);
const stop = async () => {
  demo.kill();
  await waline.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
