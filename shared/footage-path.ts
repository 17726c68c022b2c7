import { DateTime } from 'luxon';
import type { KioskConfig } from './config';

export type TimeSource = 'path' | 'mtime';

export interface FootageIdentity {
  camera: string;
  recordedAt: number;
  /** 'mtime' when no pattern matched and the file's modification time had to stand in. */
  timeSource: TimeSource;
}

type FootageSettings = Pick<KioskConfig['footage'], 'patterns' | 'extensions'>;

export function isVideoFile(relativePath: string, extensions: readonly string[]): boolean {
  const dot = relativePath.lastIndexOf('.');
  return dot > relativePath.lastIndexOf('/') && extensions.includes(relativePath.slice(dot).toLowerCase());
}

const compiled = new WeakMap<object, RegExp>();
const regexOf = (pattern: { regex: string }) => {
  let regex = compiled.get(pattern);
  if (!regex) compiled.set(pattern, (regex = new RegExp(pattern.regex)));
  return regex;
};

/**
 * Camera and recording start of a footage file, from its path relative to the root ('/'-separated):
 * the first configured pattern that matches with a real date wins; the file's mtime is the last resort.
 */
export function identifyFootage(
  relativePath: string,
  mtimeMs: number,
  settings: FootageSettings,
  zone: string,
): FootageIdentity {
  const slash = relativePath.indexOf('/');
  const firstFolder = slash > 0 ? relativePath.slice(0, slash) : null;
  for (const pattern of settings.patterns) {
    const groups = regexOf(pattern).exec(relativePath)?.groups;
    if (!groups) continue;
    const time = DateTime.fromObject(
      {
        year: Number(groups.year),
        month: Number(groups.month),
        day: Number(groups.day),
        hour: Number(groups.hour ?? 0),
        minute: Number(groups.minute ?? 0),
        second: Number(groups.second ?? 0),
      },
      { zone: pattern.zone === 'utc' ? 'utc' : zone },
    );
    if (!time.isValid) continue;
    const camera = (pattern.camera === 'group' ? groups.camera : (firstFolder ?? groups.camera)) ?? 'unknown';
    return { camera, recordedAt: time.toMillis(), timeSource: 'path' };
  }
  return { camera: firstFolder ?? 'unknown', recordedAt: Math.floor(mtimeMs), timeSource: 'mtime' };
}
