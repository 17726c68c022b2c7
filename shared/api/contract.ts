import { z } from 'zod';
import type { MessageKey } from '../messages';
import { addStaffInput, firstAdminInput, resetPinInput, staffId, unlockInput } from '../validation/staff-schemas';
import { oneLineText } from '../validation/free-text';
import { signInInput, signOutByNameInput, signOutInput } from '../validation/visit-schemas';
import { channel } from './channel';
import { healthApi } from './health';
import { holdReviewApi, holdTerms } from './hold-review';
import { footageBacklogApi } from './footage-backlog';
import { privacyApi } from './privacy';
import { footageCountApi, footageCursor } from './footage-count';
import { footageTimelineApi } from './footage-timeline';
import { recordersApi } from './recorders';
import { hostsApi } from './hosts';
import { invitationsApi } from './invitations';
import { deskApi } from './desk';
import type {
  AuditEntry,
  CsvExport,
  EvacuationList,
  FootageOverview,
  FootageListStatus,
  FootageRow,
  JobRun,
  LegalHold,
  RetentionStatus,
  NoticeFacts,
  SetupStatus,
  SignInReceipt,
  SignOutReceipt,
  StaffAccount,
  StaffSessionInfo,
  TodayVisits,
  VisitRow,
} from './types';

const noInput = z.strictObject({});
const language = z.enum(['nl', 'en'], { error: 'field.invalid' satisfies MessageKey });
const epochMs = z.int().min(0).max(8.64e15);

const lockInput = z.strictObject({ reason: z.enum(['manual', 'idle']).default('manual') });
const setDisabledInput = z.strictObject({ staffId, disabled: z.boolean() });
const auditFilterInput = z.strictObject({
  action: z.string().max(60).optional(),
  staffId: staffId.optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  limit: z.int().min(1).max(1000).optional(),
});
const visitIdInput = z.strictObject({ visitId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const csvInput = z.strictObject({ language });
const printedInput = z.strictObject({ count: z.int().min(0).max(1_000_000) });

const holdInput = z.strictObject({
  visitId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive(),
  reason: oneLineText(500, 'hold.reasonRequired'),
  endsAt: epochMs.nullable().default(null),
  ...holdTerms.shape,
});
const holdIdInput = z.strictObject({ holdId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const retentionRunInput = z.strictObject({
  job: z.enum(['visitPurge', 'automaticSignOut']).default('visitPurge'),
  dryRun: z.boolean().default(false),
});

const footageHoldInput = z
  .strictObject({
    path: z.string().min(1).max(1000).optional(),
    camera: z.string().min(1).max(200).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    reason: holdInput.shape.reason,
    endsAt: epochMs.nullable().default(null),
    ...holdTerms.shape,
  })
  .refine(
    (hold) =>
      (hold.path !== undefined) !== (hold.camera !== undefined && hold.from !== undefined && hold.to !== undefined),
    {
      error: 'field.invalid' satisfies MessageKey,
    },
  );
const footagePurgeInput = z.strictObject({ dryRun: z.boolean().default(false) });
const playbackInput = z.strictObject({ fileId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const footageListInput = z.strictObject({
  camera: z.string().max(200).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  status: z.enum(['kept', 'held', 'deleting', 'deleted', 'gone'] satisfies FootageListStatus[]).optional(),
  limit: z.int().min(1).max(10_000).optional(),
  before: footageCursor.optional(),
});

const reception = ['receptionist', 'admin'] as const;
const security = ['security', 'admin'] as const;
const holds = ['security', 'admin'] as const;
const evacuation = ['receptionist', 'security', 'admin'] as const;
const admin = ['admin'] as const;

/**
 * The whole API, each channel once: its input schema, its output type and who may call it.
 * The router, the Electron preload's allowlist, the HTTP routes and the renderer's client are all
 * derived from this object.
 */
export const api = {
  // The kiosk, for anyone at the screen.
  'notice.current': channel<typeof noInput, NoticeFacts>({ input: noInput, access: 'public' }),
  'visits.signIn': channel<typeof signInInput, SignInReceipt>({ input: signInInput, access: 'public' }),
  'visits.signOut': channel<typeof signOutInput, SignOutReceipt>({ input: signOutInput, access: 'public' }),
  'visits.signOutByName': channel<typeof signOutByNameInput, SignOutReceipt>({
    input: signOutByNameInput,
    access: 'public',
  }),

  // Unlocking and locking the staff view. Staff unlock with their staff number and PIN: no channel
  // lists the staff to the public screen.
  'staff.setupStatus': channel<typeof noInput, SetupStatus>({ input: noInput, access: 'public' }),
  'staff.createFirstAdmin': channel<typeof firstAdminInput, StaffSessionInfo>({
    input: firstAdminInput,
    access: 'public',
  }),
  'staff.unlock': channel<typeof unlockInput, StaffSessionInfo>({ input: unlockInput, access: 'public' }),
  'staff.session': channel<typeof noInput, StaffSessionInfo | null>({ input: noInput, access: 'public' }),
  'staff.lock': channel<typeof lockInput, null>({ input: lockInput, access: 'public' }),

  // The reception desk.
  'visits.today': channel<typeof noInput, TodayVisits>({ input: noInput, access: reception }),
  'visits.register': channel<typeof signInInput, SignInReceipt>({ input: signInInput, access: reception }),
  'visits.signOutById': channel<typeof visitIdInput, VisitRow>({ input: visitIdInput, access: reception }),
  'visits.evacuation': channel<typeof noInput, EvacuationList>({ input: noInput, access: evacuation }),
  'visits.evacuationCsv': channel<typeof csvInput, CsvExport>({ input: csvInput, access: evacuation }),
  'visits.evacuationPrinted': channel<typeof printedInput, null>({ input: printedInput, access: evacuation }),

  // Administration.
  'staff.list': channel<typeof noInput, StaffAccount[]>({ input: noInput, access: admin }),
  'staff.add': channel<typeof addStaffInput, StaffAccount>({ input: addStaffInput, access: admin }),
  'staff.setDisabled': channel<typeof setDisabledInput, StaffAccount>({ input: setDisabledInput, access: admin }),
  'staff.resetPin': channel<typeof resetPinInput, null>({ input: resetPinInput, access: admin }),
  'audit.list': channel<typeof auditFilterInput, AuditEntry[]>({ input: auditFilterInput, access: admin }),

  // Retention and legal holds.
  'retention.status': channel<typeof noInput, RetentionStatus>({ input: noInput, access: admin }),
  'retention.run': channel<typeof retentionRunInput, JobRun>({ input: retentionRunInput, access: admin }),
  'retention.confirmClock': channel<typeof noInput, JobRun>({ input: noInput, access: admin }),
  'holds.list': channel<typeof noInput, LegalHold[]>({ input: noInput, access: holds }),
  'holds.placeOnVisit': channel<typeof holdInput, LegalHold>({ input: holdInput, access: holds }),
  'holds.release': channel<typeof holdIdInput, LegalHold>({ input: holdIdInput, access: holds }),
  'holds.placeOnFootage': channel<typeof footageHoldInput, LegalHold>({ input: footageHoldInput, access: holds }),
  ...holdReviewApi,

  // Footage.
  'footage.scan': channel<typeof noInput, JobRun>({ input: noInput, access: security }),
  // Deleting footage is the scheduler's job; by hand, only an admin starts it.
  'footage.purge': channel<typeof footagePurgeInput, JobRun>({ input: footagePurgeInput, access: admin }),
  'footage.list': channel<typeof footageListInput, FootageRow[]>({ input: footageListInput, access: security }),
  'footage.overview': channel<typeof noInput, FootageOverview>({ input: noInput, access: security }),
  'footage.playback': channel<typeof playbackInput, { ticket: string }>({ input: playbackInput, access: security }),

  ...healthApi,
  ...footageBacklogApi,
  // Data-subject requests (issue 13).
  ...privacyApi,
  ...recordersApi,
  ...footageCountApi,
  ...footageTimelineApi,
  ...invitationsApi,
  ...hostsApi,
  ...deskApi,
};

export type Api = typeof api;
export type ChannelName = keyof Api;
export type InputOf<C extends ChannelName> = z.input<Api[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Api[C]['input']>;
export type OutputOf<C extends ChannelName> = NonNullable<Api[C]['output']> | Extract<Api[C]['output'], null>;

export const channelNames = Object.keys(api) as ChannelName[];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(api, value);
}
