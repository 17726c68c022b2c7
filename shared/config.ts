import { IANAZone } from 'luxon';
import { z } from 'zod';

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

const footagePattern = z.strictObject({
  /** A regular expression on the path relative to the root, with named groups year, month, day,
   * hour, minute, second and optionally camera. */
  regex: z.string().refine((source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid regular expression'),
  /** Frigate writes UTC; most recorders stamp file names in local time. */
  zone: z.enum(['utc', 'local']),
  /** Where the camera's name comes from: the pattern's camera group, or the first folder under the root. */
  camera: z.enum(['group', 'firstFolder']).default('firstFolder'),
});

export const DEFAULT_FOOTAGE_PATTERNS: z.output<typeof footagePattern>[] = [
  // Frigate: YYYY-MM-DD/HH/<camera>/MM.SS.mp4, in UTC
  {
    regex:
      '^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})/(?<hour>\\d{2})/(?<camera>[^/]+)/(?<minute>\\d{2})\\.(?<second>\\d{2})\\.[^/.]+$',
    zone: 'utc',
    camera: 'group',
  },
  // A timestamp in the file name: cam1_20261124_101500.mp4, 20261124T101500.mkv, ch01_20261124101500.mp4
  {
    regex:
      '(?:^|/)(?:(?<camera>[^/_]+)_)?(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})[_T-]?(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})[^/]*$',
    zone: 'local',
    camera: 'firstFolder',
  },
];

const footage = z.strictObject({
  /** The folder the CCTV recorder writes into; null until IT configures it. */
  root: z.string().min(1).nullable().default(null),
  /** When set, nothing is deleted unless this file exists in the root (guards an unmounted share). */
  markerFile: z.string().min(1).max(255).nullable().default(null),
  extensions: z
    .array(z.string().regex(/^\.[a-z0-9]+$/, 'must look like ".mp4"'))
    .min(1)
    .default(['.mp4', '.mkv', '.avi', '.mov', '.ts', '.h264', '.h265', '.dav']),
  patterns: z.array(footagePattern).default(DEFAULT_FOOTAGE_PATTERNS),
  /** A camera may keep its footage shorter than retention.footageDays, never longer. */
  cameraRetentionDays: z.record(z.string(), z.int().min(1).max(MAX_FOOTAGE_RETENTION_DAYS)).default({}),
  /** A purge that would delete more than this share of the live files waits for an admin. */
  maxDeleteShare: z.number().gt(0).max(1).default(0.5),
  /** Files modified this recently may still be being written and are left alone. */
  settleMinutes: z.int().min(0).max(120).default(5),
});

const alertEmail = z.strictObject({
  host: z.string().trim().min(1).max(255),
  port: z.int().min(1).max(65535).default(587),
  /**
   * starttls: plain connection upgraded to TLS, refused when the server cannot (port 587);
   * implicit: TLS from the first byte (port 465); opportunistic: TLS when the server offers it.
   */
  tls: z.enum(['starttls', 'implicit', 'opportunistic']).default('starttls'),
  /** Leave both out for a relay that needs no login. */
  user: z.string().min(1).max(255).optional(),
  password: z.string().min(1).max(1000).optional(),
  from: z.email(),
  to: z.array(z.email()).min(1, 'must name at least one address').max(20),
});

const alerts = z.strictObject({
  /** Where the retention alarms are mailed; no mail is sent while this is absent. */
  email: alertEmail.nullable().default(null),
});

const invitations = z.strictObject({
  /** An expected visit nobody came for is erased this many days after its date (the notice says so). */
  unarrivedDays: z.int().min(1).max(31).default(7),
});

const badge = z.strictObject({
  /** Print a badge after each sign-in. */
  enabled: z.boolean().default(false),
  /** Electron: the printer's system name for silent printing; null prints to the system's default printer. */
  printer: z.string().min(1).max(255).nullable().default(null),
  /** A Brother QL-style 62 mm label (62 x 100 mm) or an A6 sheet. */
  pageSize: z.enum(['label62', 'A6']).default('label62'),
});

const hostNotice = z.strictObject({
  /** The visitor picks their host and the host gets an e-mail through alerts.email's SMTP settings. */
  enabled: z.boolean().default(false),
});

export const kioskConfigSchema = z.strictObject({
  organisation: organisation.prefault({}),
  timeZone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'is not a known IANA time zone such as Europe/Amsterdam')
    .default('Europe/Amsterdam'),
  retention: retention.prefault({}),
  idle: idle.prefault({}),
  reception: reception.prefault({}),
  schedules: schedules.prefault({}),
  footage: footage.prefault({}),
  alerts: alerts.prefault({}),
  invitations: invitations.prefault({}),
  badge: badge.prefault({}),
  hostNotice: hostNotice.prefault({}),
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
