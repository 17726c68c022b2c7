import type { FootageListStatus } from '../../../shared/api/types';
import type { SqlValue } from '../database';
import { FOOTAGE_NOT_HELD } from './purge';

export interface FootageFilter {
  id?: number;
  camera?: string;
  from?: number;
  to?: number;
  status?: FootageListStatus;
  limit?: number;
  /** The next page: rows older than this one (in the list's order, newest first). */
  before?: FootageCursor;
}

/** A row's place in the list's order: its recording start, then its id. */
export interface FootageCursor {
  recordedAt: number;
  id: number;
}

export const DEFAULT_LIST_LIMIT = 500;
export const MAX_LIST_LIMIT = 10_000;

/**
 * The rows are spread over parts that each have an index in time order (migration 0006): live files,
 * the record of files deleted or gone, and the few a purge is deleting right now. Each condition is
 * written exactly as its partial index's, so SQLite walks that index newest first and stops at the
 * limit.
 */
const PARTS = {
  live: "status = 'kept'",
  record: "(status = 'deleted' OR status = 'gone')",
  deleting: "status = 'deleting'",
} as const;

type Condition = [sql: string, params: SqlValue[]];

function partsFor(
  status: FootageListStatus | undefined,
  now: number,
): { part: keyof typeof PARTS; extra: Condition[] }[] {
  switch (status) {
    case undefined:
      return [
        { part: 'live', extra: [] },
        { part: 'record', extra: [] },
        { part: 'deleting', extra: [] },
      ];
    case 'kept':
      return [{ part: 'live', extra: [] }];
    case 'held':
      return [{ part: 'live', extra: [[`NOT (${FOOTAGE_NOT_HELD})`, [now]]] }];
    case 'deleted':
    case 'gone':
      return [{ part: 'record', extra: [['status = ?', [status]]] }];
    case 'deleting':
      return [{ part: 'deleting', extra: [] }];
  }
}

/** The newest footage rows that match `filter`, newest first; `now` decides which holds are active. */
export function footageListQuery(filter: FootageFilter, now: number): { sql: string; params: SqlValue[] } {
  const limit = Math.min(filter.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT);
  const filters = filterConditions(filter);
  if (filter.before) {
    // The first term bounds the index walk; the second leaves out the rows up to the cursor.
    const { recordedAt, id } = filter.before;
    filters.push(['recorded_at <= ? AND (recorded_at < ? OR id < ?)', [recordedAt, recordedAt, id]]);
  }
  const params: SqlValue[] = [];
  const selects = partsFor(filter.status, now).map(({ part, extra }) => {
    const conditions: Condition[] = [[PARTS[part], []], ...filters, ...extra];
    params.push(now, ...conditions.flatMap(([, values]) => values), limit);
    return `SELECT * FROM (
      SELECT id, path, camera, recorded_at, claimed_recorded_at, time_source, size, status, deleted_at, NOT (${FOOTAGE_NOT_HELD}) AS held
        FROM footage_files f WHERE ${conditions.map(([sql]) => sql).join(' AND ')}
       ORDER BY recorded_at DESC, id DESC LIMIT ?)`;
  });
  params.push(limit);
  return {
    sql: `SELECT * FROM (${selects.join(' UNION ALL ')}) ORDER BY recorded_at DESC, id DESC LIMIT ?`,
    params,
  };
}

function filterConditions(filter: FootageFilter): Condition[] {
  return (
    [
      ['id = ?', filter.id],
      ['camera = ?', filter.camera || undefined],
      ['recorded_at >= ?', filter.from],
      ['recorded_at < ?', filter.to],
    ] as const
  ).flatMap(([sql, value]) => (value === undefined ? [] : [[sql, [value]] satisfies Condition]));
}

/** How many rows match `filter` (its limit and cursor aside), counted on the same indexes. */
export function footageCountQuery(filter: FootageFilter, now: number): { sql: string; params: SqlValue[] } {
  const filters = filterConditions(filter);
  const params: SqlValue[] = [];
  const counts = partsFor(filter.status, now).map(({ part, extra }) => {
    const conditions: Condition[] = [[PARTS[part], []], ...filters, ...extra];
    params.push(...conditions.flatMap(([, values]) => values));
    return `(SELECT count(*) FROM footage_files f WHERE ${conditions.map(([sql]) => sql).join(' AND ')})`;
  });
  return { sql: `SELECT ${counts.join(' + ')} AS total`, params };
}
