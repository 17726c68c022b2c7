import { IANAZone } from 'luxon';
import { z } from 'zod';
import { CONSOLE_LISTEN_PATTERN } from './console-address';
import { RECORDER_NAMES } from './recorder-presets';
import { DEFAULT_LOBBY_VIEWS, STAFF_VIEWS } from './staff-views';

// The privacy statement (row "Bezoekers kantoorpand") promises these maxima. The configuration may
// shorten them, never lengthen them: the notice and the purge are both rendered from this config.
export const MAX_VISIT_RETENTION_MONTHS = 6;
export const MAX_FOOTAGE_RETENTION_DAYS = 28;

/**
 * Who deletes camera footage after retention.footageDays: this kiosk (from footage.root), the
 * recorder itself (its own retention set to that period), or nobody, since this kiosk has no cameras.
 */
export const FOOTAGE_ENFORCERS = ['kiosk', 'recorder', 'noCameras'] as const;
export type FootageEnforcer = (typeof FOOTAGE_ENFORCERS)[number];

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
  /** How long the audit log and the record of job runs are kept; the visit purge erases older ones. */
  recordMonths: z.int().min(1, 'must be at least 1 month').max(120, 'must be at most 120 months').default(24),
});

// A hold keeps data past its deadline; it must be looked at again by its review date.
const holds = z
  .strictObject({
    /** The review date a new hold gets when none is given, in days from placing it. */
    reviewDays: z.int().min(1).max(365).default(90),
    /** The furthest review date a hold may be given or extended to, in days from then. */
    maxReviewDays: z.int().min(1).max(365, 'must be at most 365 days (one year)').default(365),
  })
  .refine((value) => value.reviewDays <= value.maxReviewDays, {
    error: 'reviewDays must not be more than maxReviewDays',
  });

// Cron expressions (minute hour day month weekday) in the configured time zone; checked when the
// configuration is loaded (electron/core/config-file.ts): each must be valid and fire every day, so
// no gap between runs exceeds 24 hours (25 on the night the clocks go back).
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

const publicScreen = z.strictObject({
  /** Sign-ins one screen accepts per minute: about what a receptionist can see arrive. */
  maxSignInsPerMinute: z.int().min(1).max(600).default(10),
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
  /** Who deletes footage after retention.footageDays; the notice and the footage alarm follow it. */
  enforcedBy: z.enum(FOOTAGE_ENFORCERS).default('kiosk'),
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

// The notice would say there are no cameras while the kiosk indexes and plays their footage.
const footageChecked = footage.refine((value) => !(value.enforcedBy === 'noCameras' && value.root !== null), {
  path: ['enforcedBy'],
  error: 'cannot be noCameras while footage.root is set: clear footage.root first',
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
  /** A PEM certificate file (path) to trust for a self-signed or internal-CA mail server; left out: the system's. */
  ca: z.string().min(1).max(4096).optional(),
});

const alerts = z.strictObject({
  /** Where the retention alarms are mailed; no mail is sent while this is absent. */
  email: alertEmail.nullable().default(null),
});

const privacy = z.strictObject({
  /** A visit's footage: recordings from this long before it signed in until this long after it left. */
  footageMarginMinutes: z.int().min(0).max(240).default(15),
  /** The cameras whose footage belongs to a visit (say, the entrance and the car park); empty: all. */
  visitCameras: z.array(z.string().min(1).max(200)).default([]),
  /** Where the staff view's footage exports go, each in a folder of its own; null: only the CLI exports. */
  exportFolder: z.string().min(1).nullable().default(null),
  /** Every export (access copy, footage) is deleted this many days after it was made; at most the footage's 4 weeks. */
  exportDays: z
    .int()
    .min(1, 'must be at least 1 day')
    .max(MAX_FOOTAGE_RETENTION_DAYS, `must be at most ${MAX_FOOTAGE_RETENTION_DAYS} days`)
    .default(7),
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
  /** Mails to one host in any hour at most; arrivals beyond wait and go together in one summary mail. */
  maxPerHour: z.number().int().min(1).max(100).default(10),
});

const consoleTls = z
  .strictObject({
    /** The organisation's own certificate and key (PEM files); without them the kiosk makes one once. */
    cert: z.string().min(1).max(1000).nullable().default(null),
    key: z.string().min(1).max(1000).nullable().default(null),
  })
  .refine((tls) => (tls.cert === null) === (tls.key === null), { error: 'give both cert and key, or neither' });

const consoleServer = z.strictObject({
  /** The staff console over HTTPS for the office network, as HOST:PORT ("0.0.0.0:8443"); null: off. */
  listen: z
    .string()
    .regex(CONSOLE_LISTEN_PATTERN, 'must be HOST:PORT, such as 0.0.0.0:8443')
    .refine((value) => Number(value.split(':').pop()) <= 65535, 'the port must be at most 65535')
    .nullable()
    .default(null),
  /** The names and addresses staff type to reach the console; any other Host is refused (DNS rebinding). */
  hostNames: z
    .array(z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a host name or IPv4 address'))
    .max(20)
    .default([]),
  tls: consoleTls.prefault({}),
});

const lobby = z.strictObject({
  /** The staff views that open on the lobby's own screen and on kiosk devices; the rest only on desks. */
  staffViews: z.array(z.enum(STAFF_VIEWS)).default(DEFAULT_LOBBY_VIEWS),
});

export const kioskConfigSchema = z.strictObject({
  organisation: organisation.prefault({}),
  timeZone: timeZoneName.default('Europe/Amsterdam'),
  retention: retention.prefault({}),
  idle: idle.prefault({}),
  reception: reception.prefault({}),
  publicScreen: publicScreen.prefault({}),
  schedules: schedules.prefault({}),
  holds: holds.prefault({}),
  footage: footageChecked.prefault({}),
  alerts: alerts.prefault({}),
  privacy: privacy.prefault({}),
  invitations: invitations.prefault({}),
  badge: badge.prefault({}),
  hostNotice: hostNotice.prefault({}),
  console: consoleServer.prefault({}),
  lobby: lobby.prefault({}),
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
