import type {
  EvacuationList,
  SignInReceipt,
  SignOutMethod,
  SignOutReceipt,
  TodayVisits,
  VisitRow,
} from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { noticeVersion } from '../../../shared/notice';
import { searchTextOf } from '../../../shared/search-text';
import { automaticSignOutTime, formatLocalDate, localDayBounds } from '../../../shared/time';
import type { SignInData } from '../../../shared/validation/visit-schemas';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { randomSignOutCode } from './sign-out-codes';
import { UserError } from '../user-error';

interface VisitRecord {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  plate_kind: 'nl' | 'foreign' | null;
  signed_in_at: number;
  signed_out_at: number | null;
  sign_out_method: SignOutMethod | null;
  signed_out_by_name?: number;
}

const VISIT_COLUMNS =
  'id, first_name, last_name, company, plate, plate_kind, signed_in_at, signed_out_at, sign_out_method, signed_out_by_name';

/** Names as typed at a kiosk, compared without case, accents' encoding or extra spaces. */
const nameKey = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

function toVisitRow(record: VisitRecord): VisitRow {
  return {
    id: record.id,
    firstName: record.first_name,
    lastName: record.last_name,
    company: record.company,
    plate: record.plate,
    plateKind: record.plate_kind,
    signedInAt: record.signed_in_at,
    signedOutAt: record.signed_out_at,
    signOutMethod: record.signed_out_by_name ? 'name' : record.sign_out_method,
  };
}

// With 21^6 (about 86 million) codes and at most a few hundred visitors a day, a collision is rare;
// the bound only stops a broken random source from looping for ever.
const MAX_CODE_ATTEMPTS = 20;

export interface VisitsServiceDependencies {
  database: Database;
  clock: Clock;
  config: KioskConfig;
  newSignOutCode?: () => string;
}

/**
 * A used code stays taken for the rest of its day, linked to no visit: it is not handed out again,
 * and typing it again says "already signed out". The automatic sign-out clears earlier days' codes.
 */
async function spendCode(tx: Statements, code: string, at: number): Promise<void> {
  await tx.run(
    'INSERT INTO spent_sign_out_codes (code, spent_at) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET spent_at = excluded.spent_at',
    [code, at],
  );
}

export function createVisitsService({
  database,
  clock,
  config,
  newSignOutCode = randomSignOutCode,
}: VisitsServiceDependencies) {
  async function signIn(data: SignInData): Promise<SignInReceipt> {
    if (data.noticeVersion !== noticeVersion(config)) {
      throw new UserError({ key: 'notice.outdated' });
    }
    const signedInAt = clock.now();
    const { start: startOfToday } = localDayBounds(signedInAt, config.timeZone);
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++) {
      const signOutCode = newSignOutCode();
      const inserted = await database.transaction(async (tx) => {
        // Not reused on the day it was handed out: a visitor who already left and types their code
        // again must hear "already signed out", not sign out someone else.
        const taken = await tx.get(
          `SELECT 1 FROM visits WHERE sign_out_code = ?1 AND signed_out_at IS NULL
           UNION ALL SELECT 1 FROM spent_sign_out_codes WHERE code = ?1 AND spent_at >= ?2`,
          [signOutCode, startOfToday],
        );
        if (taken) return false;
        // The visit keeps the period its notice promised: a later, longer setting does not apply to it.
        await tx.run(
          `INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, retention_months,
                               signed_in_at, sign_out_code, search_text)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            data.firstName,
            data.lastName,
            data.company ?? null,
            data.plate?.display ?? null,
            data.plate?.kind ?? null,
            data.noticeVersion,
            config.retention.visitMonths,
            signedInAt,
            signOutCode,
            searchTextOf({ ...data, plate: data.plate?.display }),
          ],
        );
        return true;
      });
      if (inserted) return { signOutCode, firstName: data.firstName, signedInAt };
    }
    throw new UserError({ key: 'visit.noFreeCode' });
  }

  async function signOut(code: string, method: SignOutMethod = 'kiosk'): Promise<SignOutReceipt> {
    const signedOutAt = clock.now();
    return database.transaction(async (tx) => {
      const visit = await tx.get<{ id: number }>(
        'SELECT id FROM visits WHERE sign_out_code = ? AND signed_out_at IS NULL',
        [code],
      );
      if (!visit) {
        const { start } = localDayBounds(signedOutAt, config.timeZone);
        const earlier = await tx.get('SELECT 1 FROM spent_sign_out_codes WHERE code = ? AND spent_at >= ?', [
          code,
          start,
        ]);
        throw new UserError({ key: earlier ? 'visit.alreadySignedOut' : 'visit.unknownCode' });
      }
      await tx.run('UPDATE visits SET signed_out_at = ?, sign_out_method = ?, sign_out_code = NULL WHERE id = ?', [
        signedOutAt,
        method,
        visit.id,
      ]);
      await spendCode(tx, code, signedOutAt);
      return { signedOutAt };
    });
  }

  async function today(): Promise<TodayVisits> {
    const now = clock.now();
    const { start, end } = localDayBounds(now, config.timeZone);
    const records = await database.all<VisitRecord>(
      // Restricted visits (GDPR art. 18) are kept but shown only in a privacy request; the evacuation list keeps them.
      `SELECT ${VISIT_COLUMNS} FROM visits
        WHERE signed_in_at >= ? AND signed_in_at < ? AND restricted_at IS NULL ORDER BY signed_in_at, id`,
      [start, end],
    );
    const visits = records.map(toVisitRow);
    return {
      date: formatLocalDate(now, config.timeZone),
      timeZone: config.timeZone,
      visits,
      onSiteCount: visits.filter((visit) => visit.signedOutAt === null).length,
    };
  }

  /**
   * Everyone on site now, whatever day they came: the evacuation list. Today's sign-outs by name stay
   * on it, marked: whoever typed the name may not have been the visitor.
   */
  async function onSite(): Promise<EvacuationList> {
    const { start } = localDayBounds(clock.now(), config.timeZone);
    const records = await database.all<VisitRecord>(
      `SELECT ${VISIT_COLUMNS} FROM visits
        WHERE signed_out_at IS NULL OR (signed_out_by_name = 1 AND signed_out_at >= ?) ORDER BY signed_in_at, id`,
      [start],
    );
    return { generatedAt: clock.now(), timeZone: config.timeZone, visits: records.map(toVisitRow) };
  }

  /** A receptionist signs a visitor out on their behalf. */
  async function signOutById(visitId: number): Promise<VisitRow> {
    const signedOutAt = clock.now();
    return database.transaction(async (tx) => {
      const record = await tx.get<VisitRecord>(`SELECT ${VISIT_COLUMNS} FROM visits WHERE id = ?`, [visitId]);
      if (!record) throw new UserError({ key: 'visit.unknown' });
      if (record.signed_out_at !== null) throw new UserError({ key: 'visit.notOnSite' });
      const code = await tx.get<{ sign_out_code: string | null }>('SELECT sign_out_code FROM visits WHERE id = ?', [
        visitId,
      ]);
      await tx.run(
        "UPDATE visits SET signed_out_at = ?, sign_out_method = 'staff', sign_out_code = NULL WHERE id = ?",
        [signedOutAt, visitId],
      );
      if (code?.sign_out_code) await spendCode(tx, code.sign_out_code, signedOutAt);
      return toVisitRow({ ...record, signed_out_at: signedOutAt, sign_out_method: 'staff' });
    });
  }

  /**
   * Signs out every visitor whose automatic sign-out time has passed, at that time (not now), so a
   * run that comes late, or after the kiosk was off, still records when the day ended.
   */
  async function signOutForgotten(): Promise<number> {
    const now = clock.now();
    return database.transaction(async (tx) => {
      const onSiteVisits = await tx.all<{ id: number; signed_in_at: number }>(
        'SELECT id, signed_in_at FROM visits WHERE signed_out_at IS NULL',
      );
      let count = 0;
      for (const visit of onSiteVisits) {
        const cutoff = automaticSignOutTime(visit.signed_in_at, config.reception.autoSignOutAt, config.timeZone);
        if (cutoff > now) continue;
        await tx.run(
          "UPDATE visits SET signed_out_at = ?, sign_out_method = 'automatic', sign_out_code = NULL WHERE id = ?",
          [cutoff, visit.id],
        );
        count++;
      }
      await tx.run('DELETE FROM spent_sign_out_codes WHERE spent_at < ?', [localDayBounds(now, config.timeZone).start]);
      return count;
    });
  }

  /**
   * A visitor who lost their code: signed out when exactly one visitor on site has this first and
   * last name (and company, when they gave one). Anything else is "unknown", as an unknown code is,
   * so the screen never tells who is inside.
   */
  async function signOutByName(typed: { firstName: string; lastName: string; company?: string }) {
    const signedOutAt = clock.now();
    return database.transaction(async (tx) => {
      const onSiteVisits = await tx.all<{ id: number; first_name: string; last_name: string; company: string | null }>(
        'SELECT id, first_name, last_name, company FROM visits WHERE signed_out_at IS NULL',
      );
      const company = nameKey(typed.company ?? '');
      const matches = onSiteVisits.filter(
        (visit) =>
          nameKey(visit.first_name) === nameKey(typed.firstName) &&
          nameKey(visit.last_name) === nameKey(typed.lastName) &&
          nameKey(visit.company ?? '') === company,
      );
      if (matches.length !== 1) throw new UserError({ key: 'visit.nameNotFound' });
      const visitId = matches[0]!.id;
      const code = await tx.get<{ sign_out_code: string | null }>('SELECT sign_out_code FROM visits WHERE id = ?', [
        visitId,
      ]);
      await tx.run(
        "UPDATE visits SET signed_out_at = ?, sign_out_method = 'kiosk', signed_out_by_name = 1, sign_out_code = NULL WHERE id = ?",
        [signedOutAt, visitId],
      );
      if (code?.sign_out_code) await spendCode(tx, code.sign_out_code, signedOutAt);
      return { visitId, signedOutAt };
    });
  }

  return { signIn, signOut, signOutByName, today, onSite, signOutById, signOutForgotten };
}

export type VisitsService = ReturnType<typeof createVisitsService>;
