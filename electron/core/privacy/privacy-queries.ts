import type { PrivacyVisit } from '../../../shared/api/privacy';
import type { SignOutMethod } from '../../../shared/api/types';
import type { Statements } from '../database';
import { ACTIVE_HOLD } from '../holds/holds-service';

interface PrivacyVisitRecord {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  plate_kind: 'nl' | 'foreign' | null;
  signed_in_at: number;
  signed_out_at: number | null;
  sign_out_method: SignOutMethod | null;
  restricted_at: number | null;
  held: number;
}

const VISIT_HELD = `EXISTS (SELECT 1 FROM legal_holds WHERE kind = 'visit' AND visit_id = v.id AND ${ACTIVE_HOLD})`;

const toPrivacyVisit = (record: PrivacyVisitRecord): PrivacyVisit => ({
  id: record.id,
  firstName: record.first_name,
  lastName: record.last_name,
  company: record.company,
  plate: record.plate,
  plateKind: record.plate_kind,
  signedInAt: record.signed_in_at,
  signedOutAt: record.signed_out_at,
  signOutMethod: record.sign_out_method,
  held: record.held === 1,
  restricted: record.restricted_at !== null,
});

// Well under SQLite's limit of bound parameters per statement.
const CHUNK = 500;

/** The visits with these ids (restricted and held ones included), oldest first; missing ids are left out. */
export async function visitsByIds(tx: Statements, ids: readonly number[], now: number): Promise<PrivacyVisit[]> {
  const visits: PrivacyVisit[] = [];
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    const records = await tx.all<PrivacyVisitRecord>(
      `SELECT v.id, v.first_name, v.last_name, v.company, v.plate, v.plate_kind, v.signed_in_at, v.signed_out_at,
              v.sign_out_method, v.restricted_at, ${VISIT_HELD} AS held
         FROM visits v WHERE v.id IN (${chunk.map(() => '?').join(',')})`,
      [now, ...chunk],
    );
    visits.push(...records.map(toPrivacyVisit));
  }
  return visits.sort((a, b) => a.signedInAt - b.signedInAt || a.id - b.id);
}

export interface SearchableVisit {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  signed_in_at: number;
}

/** The fields a privacy search looks at, for every visit signed in within [from, to). */
export function searchableVisits(tx: Statements, from: number, to: number): Promise<SearchableVisit[]> {
  return tx.all<SearchableVisit>(
    `SELECT id, first_name, last_name, company, plate, signed_in_at FROM visits
      WHERE signed_in_at >= ? AND signed_in_at < ? ORDER BY signed_in_at DESC, id DESC`,
    [from, to],
  );
}
