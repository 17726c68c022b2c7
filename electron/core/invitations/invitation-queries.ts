import type { Statements } from '../database';

export interface ExpectedVisitRecord {
  id: number;
  visit_date: string;
  first_name: string;
  last_name: string;
  company: string | null;
  plate: string | null;
  plate_kind: 'nl' | 'foreign' | null;
  host_name: string | null;
  invitation_code: string;
}

const COLUMNS = 'id, visit_date, first_name, last_name, company, plate, plate_kind, host_name, invitation_code';

export interface NewExpectedVisit {
  date: string;
  firstName: string;
  lastName: string;
  company?: string;
  plate?: { kind: 'nl' | 'foreign'; display: string };
  hostName?: string;
}

/** Inserts one expected visit with `code`; false when the code is taken by another invitation. */
export async function insertExpectedVisit(
  tx: Statements,
  visit: NewExpectedVisit,
  code: string,
  now: number,
): Promise<number | null> {
  const taken = await tx.get('SELECT 1 FROM expected_visits WHERE invitation_code = ?', [code]);
  if (taken) return null;
  const { lastId } = await tx.run(
    `INSERT INTO expected_visits (visit_date, first_name, last_name, company, plate, plate_kind, host_name, invitation_code, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      visit.date,
      visit.firstName,
      visit.lastName,
      visit.company ?? null,
      visit.plate?.display ?? null,
      visit.plate?.kind ?? null,
      visit.hostName ?? null,
      code,
      now,
    ],
  );
  return lastId;
}

export function expectedVisitById(tx: Statements, id: number) {
  return tx.get<ExpectedVisitRecord>(`SELECT ${COLUMNS} FROM expected_visits WHERE id = ?`, [id]);
}

/** The invitation with this code, only on its own date. */
export function expectedVisitByCode(tx: Statements, code: string, date: string) {
  return tx.get<ExpectedVisitRecord>(
    `SELECT ${COLUMNS} FROM expected_visits WHERE invitation_code = ? AND visit_date = ?`,
    [code, date],
  );
}

export function expectedVisitsOn(tx: Statements, date: string) {
  return tx.all<ExpectedVisitRecord>(
    `SELECT ${COLUMNS} FROM expected_visits WHERE visit_date = ? ORDER BY last_name, first_name, id`,
    [date],
  );
}

/** Erases expected visits dated before `date` (nobody came: arrivals are deleted at sign-in). */
export async function eraseExpectedVisitsBefore(tx: Statements, date: string): Promise<number> {
  const { changes } = await tx.run('DELETE FROM expected_visits WHERE visit_date < ?', [date]);
  return changes;
}
