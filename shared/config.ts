import { IANAZone } from 'luxon';
import { z } from 'zod';
import { RECORDER_NAMES } from './recorder-presets';

// The privacy statement (row "Bezoekers kantoorpand") promises these maxima. The configuration may
// shorten them, never lengthen them: the notice and the purge are both rendered from this config.
export const MAX_VISIT_RETENTION_MONTHS = 6;
export const MAX_FOOTAGE_RETENTION_DAYS = 28;

const organisation = z.strictObject({
  name: z.string().trim().min(1).max(120).default('Ploum'),
  contactEmail: z.email().default('communicatie@ploum.nl'),
});

const retention = z.strictObject({
  visitMonths: z
    .int()
    .min(1, 'must be at least 1 month')
    .max(
      MAX_VISIT_RETENTION_MONTHS,
      `must be at most ${MAX_VISIT_RETENTION_MONTHS} months, the maximum the privacy notice states`,
    )
    .default(MAX_VISIT_RETENTION_MONTHS),
  footageDays: z
    .int()
    .min(1, 'must be at least 1 day')
    .max(
      MAX_FOOTAGE_RETENTION_DAYS,
      `must be at most ${MAX_FOOTAGE_RETENTION_DAYS} days, the maximum the privacy notice states`,
    )
    .default(MAX_FOOTAGE_RETENTION_DAYS),
  /**
   * A purge erases nothing while the clock is more than this many days past everything the kiosk has
   * seen (a clock set far ahead), until an admin confirms the time.
   */
  clockGuardDays: z.int().min(1).max(365).default(30),
});

// Cron expressions (minute hour day month weekday) in the configured time zone; checked by the
// scheduler when the configuration is loaded.
const schedules = z.strictObject({
  visitPurge: z.string().min(1).max(100).default('0 * * * *'),
  footageScan: z.string().min(1).max(100).default('*/15 * * * *'),
  footagePurge: z.string().min(1).max(100).default('30 * * * *'),
});

const idle = z.strictObject({
  kioskSeconds: z.int().min(10).max(600).default(60),
  staffSeconds: z.int().min(15).max(3600).default(120),
});

const reception = z.strictObject({
  /** Visitors still signed in at this local time are signed out automatically, marked as such. */
  autoSignOutAt: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, such as 23:59')
    .default('23:59'),
});

const timeZoneName = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone such as Europe/Amsterdam');

const footagePattern = z.strictObject({
  /** A regular expression on the path relative to the root; its named groups are described in
   * shared/footage-path.ts (year, month, day, hour, minute, second, fraction, half, epoch, epochMs, camera). */
  regex: z.string().refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid regular expression'),
  /** 'utc', 'local' (footage.recorderZone, else timeZone) or an IANA zone: Frigate writes UTC, most recorders local time. */
  zone: z.union([z.enum(['utc', 'local']), timeZoneName]).default('local'),
  /** Where the camera's name comes from: the pattern's camera group, the first folder under the root,
   * or the folder at this depth (0 the first, -1 the file's own folder). */
  camera: z.union([z.enum(['group', 'firstFolder']), z.int().min(-20).max(20)]).default('firstFolder'),
  /** The camera when the path names none. */
  defaultCamera: z.string().min(1).max(120).optional(),
  /** 'mtime' when the layout holds no recording start: the file's mtime stands in, marked as such. */
  time: z.enum(['path', 'mtime']).optional(),
});

const footage = z.strictObject({
  /** The folder the CCTV recorder writes into; null until IT configures it. */
  root: z.string().min(1).nullable().default(null),
  /** When set, nothing is deleted unless this file exists in the root (guards an unmounted share). */
  markerFile: z.string().min(1).max(255).nullable().default(null),
  extensions: z
    .array(z.string().regex(/^\.[a-z0-9]+$/, 'must look like ".mp4"'))
    .min(1)
    .default(['.mp4', '.mkv', '.avi', '.mov', '.ts', '.m4s', '.dav', '.ubv', '.bvr', '.h264', '.h265']),
  /** The recorder whose layout the paths follow (shared/recorder-presets.ts); 'auto' recognises it per folder. */
  recorder: z.enum(['auto', 'custom', ...RECORDER_NAMES]).default('auto'),
  /** The zone the recorder stamps local times in, when not the kiosk's (a recorder in a container often uses UTC). */
  recorderZone: timeZoneName.nullable().default(null),
  /** Own patterns, tried before the recorder's ('custom': only these). */
  patterns: z.array(footagePattern).default([]),
  /** Names people recognise for recorder ids: { "1": "Entrance", "FCECDA30AF6E": "Car park" }. */
  cameraNames: z.record(z.string(), z.string().trim().min(1).max(120)).default({}),
  /** A camera may keep its footage shorter than retention.footageDays, never longer. */
  cameraRetentionDays: z.record(z.string(), z.int().min(1).max(MAX_FOOTAGE_RETENTION_DAYS)).default({}),
  /** A purge that would delete more than this share of the live files waits for an admin. */
  maxDeleteShare: z.number().gt(0).max(1).default(0.5),
  /** Files modified this recently may still be being written and are left alone. */
  settleMinutes: z.int().min(0).max(120).default(5),
});

export const kioskConfigSchema = z.strictObject({
  organisation: organisation.prefault({}),
  timeZone: timeZoneName.default('Europe/Amsterdam'),
  retention: retention.prefault({}),
  idle: idle.prefault({}),
  reception: reception.prefault({}),
  schedules: schedules.prefault({}),
  footage: footage.prefault({}),
});

export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type KioskConfigInput = z.input<typeof kioskConfigSchema>;

export const defaultConfig: KioskConfig = kioskConfigSchema.parse({});

export type ConfigCheck = { ok: true; config: KioskConfig } | { ok: false; problems: string[] };

/** Validates a parsed config.json; problems read like "retention.visitMonths: must be at most 6 ...". */
export function checkConfig(value: unknown): ConfigCheck {
  const parsed = kioskConfigSchema.safeParse(value);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`),
  };
}
