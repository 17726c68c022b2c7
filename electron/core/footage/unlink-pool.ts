import { Worker } from 'node:worker_threads';

// Kept as source text and started with `eval`, so the same code runs from the TypeScript sources
// (tests, CLI) and from the bundled and packaged app without a separate worker file to ship.
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (paths) => {
  const failed = [];
  for (let index = 0; index < paths.length; index++) {
    try {
      fs.unlinkSync(paths[index]);
    } catch (error) {
      if (error.code !== 'ENOENT') failed.push(index); // a file already gone is what we wanted
    }
  }
  parentPort.postMessage(failed);
});
`;

export interface UnlinkPool {
  /** Unlinks every path (absolute, already checked by the caller); resolves with the indexes that failed. */
  unlink(paths: readonly string[]): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * Unlinks on worker threads: a file system deleting old footage spends most of each unlink waiting on
 * its journal and the disk, and two unlinks in different folders wait side by side.
 */
export function createUnlinkPool(size = 2): UnlinkPool {
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    return worker;
  });
  const run = (worker: Worker, paths: string[]) =>
    new Promise<number[]>((resolve, reject) => {
      const cleanUp = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (failed: number[]) => {
        cleanUp();
        resolve(failed);
      };
      const onError = (error: Error) => {
        cleanUp();
        reject(error);
      };
      const onExit = (code: number) => {
        cleanUp();
        reject(new Error(`an unlink worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(paths);
    });

  return {
    async unlink(paths) {
      // A run of files of one folder goes to one worker: unlinks in the same folder take turns anyway.
      const shares = workers.map(() => ({ paths: [] as string[], indexes: [] as number[] }));
      let share = 0;
      for (let index = 0; index < paths.length; index++) {
        if (index > 0 && folderOf(paths[index]!) !== folderOf(paths[index - 1]!)) share = (share + 1) % size;
        shares[share]!.paths.push(paths[index]!);
        shares[share]!.indexes.push(index);
      }
      const failed = await Promise.all(shares.map((part, at) => run(workers[at]!, part.paths)));
      return failed.flatMap((indexes, at) => indexes.map((index) => shares[at]!.indexes[index]!));
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

const folderOf = (file: string) => file.slice(0, Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')));
