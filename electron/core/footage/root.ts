import fs from 'node:fs';
import path from 'node:path';

export type RootProblem =
  'missing' | 'notDirectory' | 'unreadable' | 'markerMissing' | 'otherDevice' | 'emptyWhileIndexed';

export type RootCheck =
  { ok: true; realRoot: string; device: number } | { ok: false; problem: RootProblem; detail: string };

export class FootageRootError extends Error {
  constructor(
    readonly problem: RootProblem,
    detail: string,
  ) {
    super(detail);
  }
}

/** The root as it is now: there, a real folder (its real path), readable, and with its device id. */
export function inspectRoot(root: string): RootCheck {
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { ok: false, problem: 'missing', detail: `the footage root ${root} does not exist` };
  }
  const stat = fs.statSync(realRoot);
  if (!stat.isDirectory())
    return { ok: false, problem: 'notDirectory', detail: `the footage root ${root} is not a folder` };
  try {
    fs.accessSync(realRoot, fs.constants.R_OK | fs.constants.X_OK);
  } catch {
    return { ok: false, problem: 'unreadable', detail: `the footage root ${root} cannot be read` };
  }
  return { ok: true, realRoot, device: stat.dev };
}

/**
 * Whether deleting under the root is safe now: it is the root we scanned (same device, so not an
 * empty mount point), it carries the marker when one is configured, and it is not empty while the
 * index holds live files (a share that failed to mount).
 */
export function checkRootForDeletion(
  root: string,
  { markerFile, lastDevice, liveFiles }: { markerFile: string | null; lastDevice: number | null; liveFiles: number },
): RootCheck {
  const check = inspectRoot(root);
  if (!check.ok) return check;
  if (markerFile && !fs.existsSync(path.join(check.realRoot, markerFile))) {
    return { ok: false, problem: 'markerMissing', detail: `the marker file ${markerFile} is missing from ${root}` };
  }
  if (lastDevice !== null && check.device !== lastDevice) {
    return {
      ok: false,
      problem: 'otherDevice',
      detail: `${root} is not on the device it was on at the last scan (not mounted?)`,
    };
  }
  if (liveFiles > 0 && fs.readdirSync(check.realRoot).length === 0) {
    return {
      ok: false,
      problem: 'emptyWhileIndexed',
      detail: `${root} is empty while the index holds ${liveFiles} files (not mounted?)`,
    };
  }
  return check;
}
