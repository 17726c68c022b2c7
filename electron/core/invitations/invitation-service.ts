import { clockGuardReason, type ClockGuardProblem } from '../../../shared/run-reasons';
import { DateTime } from 'luxon';
import type { ExpectedVisit, Invitation, InvitationDetails } from '../../../shared/api/invitations';
import type { JobRun, SignInReceipt } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { invitationLetter } from '../../../shared/invitation-letter';
import { noticeFacts, noticeVersion } from '../../../shared/notice';
import { formatLocalDate } from '../../../shared/time';
import { parsePlate } from '../../../shared/validation/plate';
import { invitationQrText } from '../../../shared/validation/scanned-code';
import type { SignInData } from '../../../shared/validation/visit-schemas';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database } from '../database';
import type { JobResult, JobRunner } from '../jobs';
import { randomInvitationCode } from '../visits/sign-out-codes';
import { UserError } from '../user-error';
import type { VisitsService } from '../visits/visits-service';
import type { CodeThrottle } from './code-throttle';
import {
  eraseExpectedVisitsBefore,
  expectedVisitByCode,
  expectedVisitById,
  expectedVisitsOn,
  insertExpectedVisit,
  type ExpectedVisitRecord,
  type NewExpectedVisit,
} from './invitation-queries';
import { qrSvg } from './invitation-qr';

/** How a visitor names their invitation: its code, their first and last name, or text that reads as either. */
export interface InvitationKey {
  code?: string;
  name?: string;
}

const nameKey = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export const INVITATION_PURGE_JOB = 'invitationPurge';
// 32^8 codes against at most a few thousand open invitations: a retry is rare, a loop impossible.
const MAX_CODE_ATTEMPTS = 20;

export interface InvitationServiceDependencies {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  visits: VisitsService;
  throttle: CodeThrottle;
  /** The visit purge's question "may this clock erase?": a clock set far ahead erases nothing here either. */
  clockCheck: (now: number) => Promise<{ ok: true } | { ok: false; reason: ClockGuardProblem }>;
  newCode?: () => string;
  /** Tells the host an invitation names, when host notices are on; failures are only logged. */
  onArrival?: (visitId: number, hostName: string) => Promise<void>;
  logError?: (error: unknown, context: string) => void;
}

export function createInvitationService({
  database,
  config,
  clock,
  audit,
  jobs,
  visits,
  throttle,
  clockCheck,
  newCode = randomInvitationCode,
  onArrival,
  logError = () => undefined,
}: InvitationServiceDependencies) {
  const today = () => formatLocalDate(clock.now(), config.timeZone);

  function checkDate(date: string): void {
    const parsed = DateTime.fromISO(date, { zone: config.timeZone });
    if (!parsed.isValid || parsed.toISODate() !== date || date < today()) {
      throw new UserError({ key: 'invitation.dateInvalid', fields: { date: 'invitation.dateInvalid' } });
    }
  }

  async function invitationOf(record: ExpectedVisitRecord): Promise<Invitation> {
    const details = {
      date: record.visit_date,
      firstName: record.first_name,
      lastName: record.last_name,
      company: record.company,
      hostName: record.host_name,
      code: record.invitation_code,
    };
    const facts = noticeFacts(config);
    return {
      id: record.id,
      ...details,
      plate: record.plate,
      qrSvg: await qrSvg(invitationQrText(record.invitation_code)),
      text: { nl: invitationLetter(facts, details, 'nl'), en: invitationLetter(facts, details, 'en') },
    };
  }

  /** Adds all visitors or none, each with its own code, on its own date when it has one. */
  async function add(
    actor: AuditActor,
    date: string,
    visitors: (Omit<NewExpectedVisit, 'date'> & { date?: string })[],
  ) {
    checkDate(date);
    for (const visitor of visitors) if (visitor.date !== undefined) checkDate(visitor.date);
    const ids = await database.transaction(async (tx) => {
      const added: number[] = [];
      for (const visitor of visitors) {
        let id: number | null = null;
        for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS && id === null; attempt++) {
          id = await insertExpectedVisit(tx, { ...visitor, date: visitor.date ?? date }, newCode(), clock.now());
        }
        if (id === null) throw new UserError({ key: 'invitation.noFreeCode' });
        added.push(id);
      }
      await audit.record(actor, 'invitations.added', { count: added.length }, tx);
      return added;
    });
    const records = await Promise.all(ids.map((id) => expectedVisitById(database, id)));
    return Promise.all(records.map((record) => invitationOf(record!)));
  }

  /**
   * The one invitation today for this first and last name ("Zoë de Vries", or "Zoë Vries" without the
   * tussenvoegsel); none when no or several match. A last name alone never matches: who types it
   * need not be the one invited, and the screen shows the details it finds.
   */
  async function expectedVisitByName(name: string): Promise<ExpectedVisitRecord | undefined> {
    const typed = nameKey(name);
    const matches = (await expectedVisitsOn(database, today())).filter((record) => {
      const firstName = nameKey(record.first_name);
      if (!typed.startsWith(`${firstName} `)) return false;
      const lastName = typed.slice(firstName.length + 1);
      const stored = nameKey(record.last_name);
      return stored === lastName || stored.endsWith(` ${lastName}`);
    });
    return matches.length === 1 ? matches[0] : undefined;
  }

  /**
   * The invitation today by its code, else by the name, checked against the terminal's throttle once
   * and counted as one miss when neither finds it: text that reads as both is one try, not two.
   */
  async function find(terminal: string, key: InvitationKey): Promise<ExpectedVisitRecord> {
    throttle.check(terminal);
    const record =
      (key.code === undefined ? undefined : await expectedVisitByCode(database, key.code, today())) ??
      (key.name === undefined ? undefined : await expectedVisitByName(key.name));
    if (!record) {
      throttle.failed(terminal);
      // Text that read as a code too is answered as a code (its message also says to type the name).
      throw new UserError({ key: key.code === undefined ? 'invitation.nameNotFound' : 'invitation.unknownCode' });
    }
    return record;
  }

  const signingIn = new Set<number>();

  /**
   * Signs the visitor in with the details they confirmed; the invitation is then used up and its
   * row deleted, so the visit is the only place their data live.
   */
  async function signInOnce(
    terminal: string,
    record: ExpectedVisitRecord,
    data: SignInData,
    actor: AuditActor = 'kiosk',
  ): Promise<SignInReceipt> {
    const receipt = await visits.signIn(data);
    const visitId = await database.transaction(async (tx) => {
      const visit = await tx.get<{ id: number }>(
        'SELECT id FROM visits WHERE sign_out_code = ? AND signed_out_at IS NULL',
        [receipt.signOutCode],
      );
      await tx.run('UPDATE visits SET host_name = ? WHERE id = ?', [record.host_name, visit!.id]);
      await tx.run('DELETE FROM expected_visits WHERE id = ?', [record.id]);
      await audit.record(
        actor,
        actor === 'kiosk' ? 'invitations.arrived' : 'invitations.arrivedAtDesk',
        { count: 1 },
        tx,
      );
      return visit!.id;
    });
    throttle.succeeded(terminal);
    if (record.host_name && onArrival) {
      await onArrival(visitId, record.host_name).catch((error: unknown) => logError(error, 'host notice'));
    }
    return receipt;
  }

  return {
    add,

    /** One invitation letter, opened again (to print or copy): audited, as an export would be. */
    async get(actor: AuditActor, id: number): Promise<Invitation> {
      const record = await expectedVisitById(database, id);
      if (!record) throw new UserError({ key: 'visit.unknown' });
      await audit.record(actor, 'invitations.viewed', { expectedVisitId: id });
      return invitationOf(record);
    },

    async lookup(terminal: string, key: InvitationKey): Promise<InvitationDetails> {
      const record = await find(terminal, key);
      return {
        date: record.visit_date,
        firstName: record.first_name,
        lastName: record.last_name,
        company: record.company,
        plate: record.plate,
        hostName: record.host_name,
      };
    },

    async signIn(terminal: string, key: InvitationKey, data: SignInData): Promise<SignInReceipt> {
      const record = await find(terminal, key);
      // A double tap must not sign the same invitation in twice.
      if (signingIn.has(record.id)) throw new UserError({ key: 'invitation.unknownCode' });
      signingIn.add(record.id);
      try {
        return await signInOnce(terminal, record, data);
      } finally {
        signingIn.delete(record.id);
      }
    },

    /**
     * The receptionist signs an expected visitor in, in one tap, with the invitation's details: the
     * visitor had the notice with the invitation letter (GDPR art. 14).
     */
    async signInAtDesk(actor: AuditActor, id: number): Promise<SignInReceipt> {
      const record = await expectedVisitById(database, id);
      if (!record || record.visit_date !== today()) throw new UserError({ key: 'visit.unknown' });
      if (signingIn.has(record.id)) throw new UserError({ key: 'visit.unknown' });
      signingIn.add(record.id);
      try {
        const data: SignInData = {
          firstName: record.first_name,
          lastName: record.last_name,
          company: record.company ?? undefined,
          plate: record.plate ? (parsePlate(record.plate) ?? undefined) : undefined,
          noticeVersion: noticeVersion(config),
        };
        return await signInOnce('desk', record, data, actor);
      } finally {
        signingIn.delete(record.id);
      }
    },

    /** An expected visit that will not happen, removed by the desk: its data go at once. */
    async remove(actor: AuditActor, id: number): Promise<null> {
      await database.transaction(async (tx) => {
        const { changes } = await tx.run('DELETE FROM expected_visits WHERE id = ?', [id]);
        if (changes === 0) throw new UserError({ key: 'visit.unknown' });
        await audit.record(actor, 'invitations.removed', { expectedVisitId: id }, tx);
      });
      return null;
    },

    async expectedToday(): Promise<ExpectedVisit[]> {
      const records = await expectedVisitsOn(database, today());
      return records.map((record) => ({
        id: record.id,
        date: record.visit_date,
        firstName: record.first_name,
        lastName: record.last_name,
        company: record.company,
        hostName: record.host_name,
        code: record.invitation_code,
      }));
    },

    /** Erases expected visits whose date is more than invitations.unarrivedDays days past. */
    purge(): Promise<JobRun> {
      return jobs.run(INVITATION_PURGE_JOB, async (): Promise<JobResult> => {
        const now = clock.now();
        const guard = await clockCheck(now);
        if (!guard.ok)
          return {
            outcome: 'blocked',
            counts: {},
            reason: clockGuardReason(guard.reason, config.retention.clockGuardDays),
          };
        const firstKept = DateTime.fromMillis(now, { zone: config.timeZone })
          .minus({ days: config.invitations.unarrivedDays })
          .toISODate()!;
        const erased = await database.transaction(async (tx) => {
          const count = await eraseExpectedVisitsBefore(tx, firstKept);
          await audit.record('system', 'invitations.purged', { erased: count }, tx);
          return count;
        });
        if (erased > 0) await database.checkpoint();
        return { outcome: 'ok', counts: { erased } };
      });
    },
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;

/** Expected visits nobody came for go on the visit purge's schedule. */
export function invitationJobs({ config, invitations }: { config: KioskConfig; invitations: InvitationService }) {
  return [{ name: INVITATION_PURGE_JOB, schedule: config.schedules.visitPurge, run: () => invitations.purge() }];
}
