/** @module ts-worker: starts a worker thread on a TypeScript module, through tsx's loader (registered in the worker first). */
import { Worker } from 'node:worker_threads';

/** A worker running `script` (a .ts module's URL) with `workerData`; unreferenced, so it never keeps the process alive. */
export function startTsWorker(script: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); })`, {
    eval: true,
    workerData,
  });
  worker.unref();
  return worker;
}
