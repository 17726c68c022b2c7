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

// A scan meets a million files from a few thousand distinct hours: the zone offset of each local
// hour is looked up once, and every file's instant is plain arithmetic after that.
const offsetCache = new Map<string, Map<number, number | null>>();

function instantOf(groups: Record<string, string | undefined>, zone: string): number | null {
  const year = Number(groups.year);
  const month = Number(groups.month);
  const day = Number(groups.day);
  const hour = Number(groups.hour ?? 0);
  const minute = Number(groups.minute ?? 0);
  const second = Number(groups.second ?? 0);
  // Also keeps the hour key below unique: no field may carry into the next.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 59)) return null;
  let offsets = offsetCache.get(zone);
  if (!offsets) offsetCache.set(zone, (offsets = new Map()));
  const hourKey = ((year * 100 + month) * 100 + day) * 100 + hour; // a number: no string built per file
  let offsetMs = offsets.get(hourKey);
  if (offsetMs === undefined) {
    const start = DateTime.fromObject({ year, month, day, hour }, { zone });
    // Invalid dates, and local hours that do not exist (the spring-forward gap), are no timestamp.
    offsetMs =
      start.isValid && start.hour === hour && start.day === day
        ? start.toMillis() - Date.UTC(year, month - 1, day, hour)
        : null;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hourKey, offsetMs);
  }
  return offsetMs === null ? null : Date.UTC(year, month - 1, day, hour, minute, second) + offsetMs;
}

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
    const recordedAt = instantOf(groups, pattern.zone === 'utc' ? 'utc' : zone);
    if (recordedAt === null) continue;
    const camera = (pattern.camera === 'group' ? groups.camera : (firstFolder ?? groups.camera)) ?? 'unknown';
    return { camera, recordedAt, timeSource: 'path' };
  }
  return { camera: firstFolder ?? 'unknown', recordedAt: Math.floor(mtimeMs), timeSource: 'mtime' };
}
