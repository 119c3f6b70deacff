// One worker thread of `sciblog-elements prerender`: builds the files it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { type FileJob, prerenderFile } from './prerender-file.js';

parentPort!.on('message', async (job: FileJob) => {
  parentPort!.postMessage(await prerenderFile(job));
});
