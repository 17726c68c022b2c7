import type { PrivacyVisit } from '../../../shared/api/privacy';
import type { SignOutMethod } from '../../../shared/api/types';
import type { Database, Statements } from '../database';
import { searchTextOf } from '../../../shared/search-text';
import { ACTIVE_HOLD } from '../holds/holds-service';

interface PrivacyVisitRecord {
  id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  plate_kind: 'nl' | 'foreign' | null;
  host_name: string | null;
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
  hostName: record.host_name,
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
      `SELECT v.id, v.first_name, v.last_name, v.company, v.plate, v.plate_kind, v.host_name, v.signed_in_at, v.signed_out_at,
              v.sign_out_method, v.restricted_at, ${VISIT_HELD} AS held
         FROM visits v WHERE v.id IN (${chunk.map(() => '?').join(',')})`,
      [now, ...chunk],
    );
    visits.push(...records.map(toPrivacyVisit));
  }
  return visits.sort((a, b) => a.signedInAt - b.signedInAt || a.id - b.id);
}

/** The statement behind `searchVisitIds` (exported for the query-plan test). */
export const visitSearch = (words: readonly string[], from: number, to: number) => ({
  sql: `SELECT id, signed_in_at FROM visits
         WHERE signed_in_at >= ? AND signed_in_at < ? ${words.map(() => 'AND instr(search_text, ?) > 0').join(' ')}`,
  params: [from, to, ...words],
});

/**
 * The ids of the visits signed in within [from, to) whose search text holds every word, newest first.
 * SQLite walks the time index, which carries the search text, and hands back only the hits.
 */
export async function searchVisitIds(tx: Statements, words: readonly string[], from: number, to: number) {
  const { sql, params } = visitSearch(words, from, to);
  const hits = await tx.all<{ id: number; signed_in_at: number }>(sql, params);
  return hits.sort((a, b) => b.signed_in_at - a.signed_in_at || b.id - a.id).map((hit) => hit.id);
}

// Rows filled per transaction, so a sign-in waits at most for one batch.
const FILL_BATCH = 1_000;

/** Gives every visit without a search text its text (rows from before migration 0021, or written by hand). */
export async function fillMissingSearchText(database: Database): Promise<void> {
  for (;;) {
    const filled = await database.transaction(async (tx) => {
      const rows = await tx.all<{
        id: number;
        first_name: string;
        last_name: string;
        company: string | null;
        plate: string | null;
      }>(
        `SELECT id, first_name, last_name, company, plate FROM visits INDEXED BY visits_without_search_text
          WHERE search_text IS NULL LIMIT ${FILL_BATCH}`,
      );
      const texts = rows.map((row) => [
        row.id,
        searchTextOf({ firstName: row.first_name, lastName: row.last_name, company: row.company, plate: row.plate }),
      ]);
      // One statement per batch: a statement per row costs a round trip to SQLite's thread each.
      await tx.run(
        `UPDATE visits SET search_text = filled.value ->> 1
           FROM json_each(?) AS filled WHERE visits.id = filled.value ->> 0`,
        [JSON.stringify(texts)],
      );
      return rows.length;
    });
    if (filled < FILL_BATCH) return;
  }
}
