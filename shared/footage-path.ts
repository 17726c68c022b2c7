import { DateTime } from 'luxon';
import { RECORDER_PRESETS, type FootagePatternSpec } from './recorder-presets';

export type TimeSource = 'path' | 'mtime';

export interface FootageIdentity {
  camera: string;
  recordedAt: number;
  /** 'mtime' when the path holds no recording start and the file's modification time had to stand in. */
  timeSource: TimeSource;
  /** The preset pattern or configured pattern that read the path ('pattern 1' ...); null when none matched. */
  layout: string | null;
}

interface FootageSettings {
  patterns: readonly Omit<FootagePatternSpec, 'label'>[];
  recorder?: string;
  recorderZone?: string | null;
}

export function isVideoFile(relativePath: string, extensions: readonly string[]): boolean {
  const dot = relativePath.lastIndexOf('.');
  return dot > relativePath.lastIndexOf('/') && extensions.includes(relativePath.slice(dot).toLowerCase());
}

/**
 * The pattern language. A pattern is a regular expression on the '/'-separated path relative to the
 * root, with these named groups (all optional):
 * - year (four digits, or two: 20YY), month, day, hour, minute, second; fraction (digits after the second);
 * - half: AM or PM, for half-day folders and twelve-hour clocks (PM adds 12 to an hour below 12, 12 AM is 0);
 * - epoch (unix seconds) or epochMs (unix milliseconds): when present it wins over the local fields;
 * - camera, when the pattern's camera is 'group'.
 * A pattern whose time is 'mtime' may still carry year, month and day: the file is then dated by its
 * mtime, but never later than the end of that day.
 * Local fields are read in the pattern's zone: 'utc', 'local' (footage.recorderZone, else the
 * kiosk's) or an IANA zone.
 */
interface CompiledPattern {
  spec: FootagePatternSpec;
  regex: RegExp;
}

// A scan meets a million files from a few thousand distinct hours: the zone offset of each local
// hour is looked up once, and every file's instant is plain arithmetic after that.
const offsetCache = new Map<string, Map<number, number | null>>();

function instantOf(groups: Record<string, string | undefined>, zone: string): number | null {
  if (groups.epochMs !== undefined) return Number(groups.epochMs);
  if (groups.epoch !== undefined) return Number(groups.epoch) * 1000;
  let year = Number(groups.year);
  if (groups.year?.length === 2) year += 2000;
  const month = Number(groups.month);
  const day = Number(groups.day);
  let hour = Number(groups.hour ?? 0);
  // Twelve-hour clocks (12 AM is midnight); a 24-hour time in a half-day folder stays as it is.
  const half = groups.half?.toUpperCase();
  if (half === 'PM' && hour < 12) hour += 12;
  else if (half === 'AM' && hour === 12) hour = 0;
  const minute = Number(groups.minute ?? 0);
  const second = Number(groups.second ?? 0);
  const millisecond = groups.fraction ? Math.floor(Number(`0.${groups.fraction}`) * 1000) : 0;
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
  return offsetMs === null ? null : Date.UTC(year, month - 1, day, hour, minute, second, millisecond) + offsetMs;
}

const END_OF_DAY = { hour: '23', minute: '59', second: '59', fraction: '999', half: undefined };

function cameraOf(spec: FootagePatternSpec, relativePath: string, groups: Record<string, string | undefined>) {
  if (spec.camera === 'group' && groups.camera !== undefined) return groups.camera; // the common case: no split
  const named = groups.camera ?? spec.defaultCamera;
  const slash = relativePath.indexOf('/');
  const firstFolder = slash > 0 ? relativePath.slice(0, slash) : undefined;
  if (spec.camera === 'group') return named ?? firstFolder ?? 'unknown';
  if (spec.camera === 'firstFolder') return firstFolder ?? named ?? 'unknown';
  return relativePath.split('/').slice(0, -1).at(spec.camera) ?? named ?? 'unknown';
}

/** The patterns tried, in order: the configured ones first, then the chosen preset's, or every preset's for 'auto'. */
export function patternsFor(settings: FootageSettings): FootagePatternSpec[] {
  const configured = settings.patterns.map((pattern, index) => ({ ...pattern, label: `pattern ${index + 1}` }));
  const recorder = settings.recorder ?? 'auto';
  const presets = recorder === 'auto' ? RECORDER_PRESETS : RECORDER_PRESETS.filter((p) => p.name === recorder);
  return [...configured, ...presets.flatMap((preset) => preset.patterns)];
}

/**
 * Reads camera and recording start from paths. The layout that read a folder's last file is tried
 * first for the next file of that folder (recognition per folder, so 'auto' costs about one regex
 * per file after a folder's first); a file it does not fit gets every pattern again.
 */
export function createFootageIdentifier(settings: FootageSettings, kioskZone: string) {
  const patterns: CompiledPattern[] = patternsFor(settings).map((spec) => ({ spec, regex: new RegExp(spec.regex) }));
  const localZone = settings.recorderZone ?? kioskZone;
  const layoutOfFolder = new Map<string, CompiledPattern>();

  const read = (pattern: CompiledPattern, relativePath: string, mtimeMs: number): FootageIdentity | null => {
    const groups = pattern.regex.exec(relativePath)?.groups;
    if (!groups) return null;
    const { spec } = pattern;
    const camera = cameraOf(spec, relativePath, groups);
    const zone = spec.zone === 'utc' ? 'utc' : spec.zone === 'local' ? localZone : spec.zone;
    if (spec.time === 'mtime') {
      // A day in the path (ZoneMinder's day folders) bounds the mtime: a file copied or touched later
      // is never dated after the end of its day, so it is not kept past its deadline.
      const endOfDay = groups.day === undefined ? null : instantOf({ ...groups, ...END_OF_DAY }, zone);
      const recordedAt = endOfDay === null ? Math.floor(mtimeMs) : Math.min(Math.floor(mtimeMs), endOfDay);
      return { camera, recordedAt, timeSource: 'mtime', layout: spec.label };
    }
    const recordedAt = instantOf(groups, zone);
    if (recordedAt === null || !Number.isFinite(recordedAt)) return null;
    return { camera, recordedAt, timeSource: 'path', layout: spec.label };
  };

  // The scan meets a folder's files one after another: the last folder's layout is checked first
  // without building the folder's name.
  let lastFolder = '';
  let lastLayout: CompiledPattern | undefined;

  return {
    identify(relativePath: string, mtimeMs: number): FootageIdentity {
      const folderEnd = Math.max(relativePath.lastIndexOf('/'), 0);
      let folder: string | undefined;
      let known: CompiledPattern | undefined;
      if (lastLayout && folderEnd === lastFolder.length && relativePath.startsWith(lastFolder)) known = lastLayout;
      else known = layoutOfFolder.get((folder = relativePath.slice(0, folderEnd)));
      if (known) {
        const identity = read(known, relativePath, mtimeMs);
        if (identity) {
          if (folder !== undefined) [lastFolder, lastLayout] = [folder, known];
          return identity;
        }
      }
      for (const pattern of patterns) {
        if (pattern === known) continue;
        const identity = read(pattern, relativePath, mtimeMs);
        if (!identity) continue;
        folder ??= relativePath.slice(0, folderEnd);
        if (layoutOfFolder.size > 100_000) layoutOfFolder.clear();
        layoutOfFolder.set(folder, pattern);
        [lastFolder, lastLayout] = [folder, pattern];
        return identity;
      }
      const firstSlash = relativePath.indexOf('/');
      return {
        camera: firstSlash > 0 ? relativePath.slice(0, firstSlash) : 'unknown',
        recordedAt: Math.floor(mtimeMs),
        timeSource: 'mtime',
        layout: null,
      };
    },
  };
}

export type FootageIdentifier = ReturnType<typeof createFootageIdentifier>;

// One identifier per configuration and zone, so its per-folder decisions last from scan to scan.
const identifiers = new WeakMap<object, Map<string, FootageIdentifier>>();

/**
 * Camera and recording start of a footage file, from its path relative to the root ('/'-separated):
 * the first pattern that matches with a real date wins; the file's mtime is the last resort.
 */
export function identifyFootage(
  relativePath: string,
  mtimeMs: number,
  settings: FootageSettings,
  zone: string,
): FootageIdentity {
  let byZone = identifiers.get(settings);
  if (!byZone) identifiers.set(settings, (byZone = new Map()));
  let identifier = byZone.get(zone);
  if (!identifier) byZone.set(zone, (identifier = createFootageIdentifier(settings, zone)));
  return identifier.identify(relativePath, mtimeMs);
}

/** The name people know a camera by: footage.cameraNames maps recorder ids (monitor ids, MACs) to names. */
export function cameraDisplayName(cameraNames: Readonly<Record<string, string>>, camera: string): string {
  return Object.hasOwn(cameraNames, camera) ? cameraNames[camera]! : camera;
}
