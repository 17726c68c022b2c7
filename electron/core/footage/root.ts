import fs from 'node:fs';
import path from 'node:path';
import type { FootageRootProblem } from '../../../shared/run-reasons';

export type RootProblem = FootageRootProblem;

export type RootCheck =
  { ok: true; realRoot: string; device: number } | { ok: false; problem: RootProblem; detail: string };

export class FootageRootError extends Error {
  constructor(
    readonly problem: RootProblem,
    detail: string,
    readonly params: Record<string, number> = {},
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
  {
    markerFile,
    lastDevice,
    indexHoldsFiles,
  }: { markerFile: string | null; lastDevice: number | null; indexHoldsFiles: boolean },
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
  if (indexHoldsFiles && fs.readdirSync(check.realRoot).length === 0) {
    return {
      ok: false,
      problem: 'emptyWhileIndexed',
      detail: `${root} is empty while the index holds live files (not mounted?)`,
    };
  }
  return check;
}

/** What the last scan that found the root healthy recorded: its device and real path. */
export interface HealthyScan {
  device: number;
  realRoot?: string;
}

/**
 * Whether a scan may walk the root and take what it does not find for gone. An unmounted share
 * leaves its mount point behind, empty and on the parent's device: a scan there would mark every
 * indexed file gone and report success. So the root is compared with the last scan that found it
 * healthy, never with the previous scan (which may have been the first one after it went away). A
 * root on another device is accepted only when it holds files the index knows (the same share
 * mounted again, which gets a new device id), and an empty root only while the index holds no files.
 */
export function checkRootForScan(
  root: string,
  {
    lastHealthy,
    indexHoldsFiles,
    holdsKnownFiles,
  }: { lastHealthy: HealthyScan | null; indexHoldsFiles: boolean; holdsKnownFiles: (realRoot: string) => boolean },
): RootCheck {
  const check = inspectRoot(root);
  if (!check.ok || !indexHoldsFiles) return check;
  const sameRoot = lastHealthy !== null && (lastHealthy.realRoot ?? check.realRoot) === check.realRoot;
  if (sameRoot && check.device !== lastHealthy.device && !holdsKnownFiles(check.realRoot)) {
    return {
      ok: false,
      problem: 'otherDevice',
      detail: `${root} is not on the device it was on at the last good scan, and holds none of the indexed files (not mounted?)`,
    };
  }
  if (fs.readdirSync(check.realRoot).length === 0) {
    return {
      ok: false,
      problem: 'emptyWhileIndexed',
      detail: `${root} is empty while the index holds live files (not mounted?)`,
    };
  }
  return check;
}
