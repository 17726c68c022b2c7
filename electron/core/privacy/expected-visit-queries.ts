import type { PrivacyExpectedVisit } from '../../../shared/api/privacy';
import type { Statements } from '../database';

interface ExpectedVisitRecord {
  id: number;
  visit_date: string;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  host_name: string | null;
  created_at: number;
}

const toPrivacyExpectedVisit = (record: ExpectedVisitRecord): PrivacyExpectedVisit => ({
  kind: 'expected',
  id: record.id,
  visitDate: record.visit_date,
  firstName: record.first_name,
  lastName: record.last_name,
  company: record.company,
  plate: record.plate,
  hostName: record.host_name,
  createdAt: record.created_at,
});

const COLUMNS = 'id, visit_date, first_name, last_name, company, plate, host_name, created_at';

/** Every expected visit dated within [fromDate, toDate] (local dates, inclusive), the latest first. */
export async function expectedVisitsBetween(
  tx: Statements,
  fromDate: string,
  toDate: string,
): Promise<PrivacyExpectedVisit[]> {
  const records = await tx.all<ExpectedVisitRecord>(
    `SELECT ${COLUMNS} FROM expected_visits WHERE visit_date >= ? AND visit_date <= ?
      ORDER BY visit_date DESC, id DESC`,
    [fromDate, toDate],
  );
  return records.map(toPrivacyExpectedVisit);
}

/** The expected visits with these ids, the earliest date first; missing ids are left out. */
export async function expectedVisitsByIds(tx: Statements, ids: readonly number[]): Promise<PrivacyExpectedVisit[]> {
  if (ids.length === 0) return [];
  const records = await tx.all<ExpectedVisitRecord>(
    `SELECT ${COLUMNS} FROM expected_visits WHERE id IN (${ids.map(() => '?').join(',')})
      ORDER BY visit_date, id`,
    [...ids],
  );
  return records.map(toPrivacyExpectedVisit);
}

/** Deletes them (secure_delete zeroes the rows; the caller checkpoints); returns how many went. */
export async function eraseExpectedVisits(tx: Statements, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { changes } = await tx.run(`DELETE FROM expected_visits WHERE id IN (${ids.map(() => '?').join(',')})`, [
    ...ids,
  ]);
  return changes;
}
