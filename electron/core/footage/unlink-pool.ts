import { Worker } from 'node:worker_threads';

// Kept as source text and started with `eval`, so the same code runs from the TypeScript sources
// (tests, CLI) and from the bundled and packaged app without a separate worker file to ship.
//
// A file is unlinked only once it is proven to be the one that was checked. Whatever is at the name
// now is first renamed to a private name in the same opened folder (atomic: a swap after that no
// longer matters), looked at there, and unlinked only when it is a plain file with the device, inode,
// size and mtime that were checked (a deletion an earlier run left half done: size and mtime).
// Otherwise it is put back, never over something that took its name meanwhile (a hard link refuses
// an existing name). The private name is the row's (`.kiosk-deleting-<id>`, no video extension, so
// never indexed): a run killed between rename and unlink leaves the file where the repair looks.
const PRIVATE_PREFIX = '.kiosk-deleting-';
const WORKER_SOURCE = `
const fs = require('node:fs');
const { parentPort } = require('node:worker_threads');
const [UNLINKED, GONE, NOT_THE_FILE, FAILED] = [0, 1, 2, 3];
const PRIVATE_PREFIX = ${JSON.stringify(PRIVATE_PREFIX)};
// An inode number freed by a deletion may come back for a new file: type, size and mtime count too.
// A second link means the file lives elsewhere too: never ours to delete.
const matches = (stat, expected) =>
  stat.isFile() &&
  stat.nlink === 1n &&
  Number(stat.size) === expected.size &&
  Math.floor(Number(stat.mtimeMs)) === expected.mtime &&
  (expected.ino === undefined || (stat.dev === expected.dev && stat.ino === expected.ino));
function putBack(held, file, stat) {
  try {
    if (stat && stat.isDirectory()) {
      if (!fs.lstatSync(file, { throwIfNoEntry: false })) fs.renameSync(held, file);
    } else {
      fs.linkSync(held, file);
      fs.unlinkSync(held);
    }
  } catch {
    // its name was taken meanwhile: it stays under the private name rather than replace that
  }
}
// The private names in each folder, from one listing per folder and message: a file is looked for
// under its private name only when the listing has it, not with a failing lstat per file. Null: the
// folder could not be listed, so every private name is looked for.
let listedFolder = null;
let privateNames = null;
function mayHoldPrivateName(folder, privateName) {
  if (folder !== listedFolder) {
    listedFolder = folder;
    try {
      privateNames = new Set(fs.readdirSync(folder).filter((entry) => entry.startsWith(PRIVATE_PREFIX)));
    } catch {
      privateNames = null;
    }
  }
  return privateNames === null || privateNames.has(privateName);
}
function unlinkChecked([folder, name, expected, privateName]) {
  const file = folder + name;
  const held = folder + privateName;
  let leftover;
  try {
    leftover = mayHoldPrivateName(folder, privateName)
      ? fs.lstatSync(held, { bigint: true, throwIfNoEntry: false })
      : undefined;
    if (leftover && matches(leftover, expected)) {
      fs.unlinkSync(held); // a killed run had renamed it already
      return UNLINKED;
    }
  } catch {
    return FAILED;
  }
  try {
    fs.renameSync(file, held);
  } catch (error) {
    return error.code === 'ENOENT' ? GONE : FAILED; // a file already gone is what we wanted
  }
  let stat;
  try {
    stat = fs.lstatSync(held, { bigint: true });
    if (!matches(stat, expected)) {
      putBack(held, file, stat);
      return NOT_THE_FILE;
    }
    fs.unlinkSync(held);
    return UNLINKED;
  } catch {
    putBack(held, file, stat);
    return FAILED;
  }
}
parentPort.on('message', (files) => {
  listedFolder = null; // a folder's listing holds for one message only
  parentPort.postMessage(files.map(unlinkChecked));
});
`;

export const UnlinkOutcome = {
  Unlinked: 0,
  /** Nothing under that name any more: what we wanted. */
  Gone: 1,
  /** Something else had taken the name (a swap): put back untouched. */
  NotTheFile: 2,
  /** The system refused (permissions, in use): kept. */
  Failed: 3,
} as const;
export type UnlinkOutcome = (typeof UnlinkOutcome)[keyof typeof UnlinkOutcome];

/**
 * What was checked about a file: a plain file of this size and mtime, and its device and inode (not
 * known when finishing a killed run's deletions).
 */
export type CheckedFile = { size: number; mtime: number; dev?: bigint; ino?: bigint };

export interface UnlinkRequest {
  /** A prefix from a FolderWalk of the folder the file was checked in, open until the unlink resolves. */
  folder: string;
  name: string;
  expected: CheckedFile;
  /** A plain name in the same folder, the same for the same file in every run (see privateNameOf). */
  privateName: string;
}

/** Where a file is while its unlink is checked: a name of its row's own, that no scan indexes. */
export const privateNameOf = (rowId: number) => `${PRIVATE_PREFIX}${rowId}`;

export interface UnlinkPool {
  /** Unlinks every file that is still the one checked; resolves with each file's outcome, in order. */
  unlink(files: readonly UnlinkRequest[]): Promise<UnlinkOutcome[]>;
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
  type Message = [folder: string, name: string, expected: CheckedFile, privateName: string][];
  const run = (worker: Worker, files: Message) =>
    new Promise<UnlinkOutcome[]>((resolve, reject) => {
      const cleanUp = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (outcomes: UnlinkOutcome[]) => {
        cleanUp();
        resolve(outcomes);
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
      worker.postMessage(files);
    });

  return {
    async unlink(files) {
      // A run of files of one folder goes to one worker: unlinks in the same folder take turns anyway.
      const shares = workers.map(() => ({ files: [] as Message, indexes: [] as number[] }));
      let share = 0;
      for (let index = 0; index < files.length; index++) {
        const file = files[index]!;
        if (index > 0 && file.folder !== files[index - 1]!.folder) share = (share + 1) % size;
        shares[share]!.files.push([file.folder, file.name, file.expected, file.privateName]);
        shares[share]!.indexes.push(index);
      }
      const answers = await Promise.all(shares.map((part, at) => run(workers[at]!, part.files)));
      const outcomes: UnlinkOutcome[] = new Array(files.length);
      answers.forEach((answer, at) =>
        answer.forEach((outcome, index) => (outcomes[shares[at]!.indexes[index]!] = outcome)),
      );
      return outcomes;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
