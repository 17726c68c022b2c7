import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FootageListStatus } from '../../../../shared/api/types';
import { openDatabase, type Database } from '../../../../electron/core/database';
import {
  footageCountQuery,
  footageListQuery,
  type FootageFilter,
} from '../../../../electron/core/footage/footage-list-query';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const HOUR = 3_600_000;
const CAMERAS = ['gate', 'hall', 'yard'];
const STATUSES = ['kept', 'kept', 'kept', 'deleted', 'gone', 'deleting'] as const;

interface Row {
  id: number;
  camera: string;
  recorded_at: number;
  status: string;
  held: number;
}

let database: Database;
let rows: Row[];

beforeEach(async () => {
  database = await openDatabase(path.join(makeTempDir('footage-list-'), 'kiosk.sqlite3'));
  // 600 files over 50 hours: three cameras, every status, some sharing a recording start, so the
  // order's tie-break by id shows.
  rows = Array.from({ length: 600 }, (_, index) => ({
    id: index + 1,
    camera: CAMERAS[index % 3]!,
    recorded_at: NOW - Math.floor(index / 2) * 10 * 60_000,
    status: STATUSES[(index * 7) % STATUSES.length]!,
    held: 0,
  }));
  await database.run(
    `INSERT INTO footage_files (id, folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at, deleted_at)
     SELECT value ->> 'id', value ->> 'camera', 'f' || (value ->> 'id') || '.mp4', value ->> 'camera',
            value ->> 'recorded_at', 'path', 1, value ->> 'recorded_at', value ->> 'status', 0,
            iif(value ->> 'status' = 'deleted', 1, NULL)
       FROM json_each(?)`,
    [JSON.stringify(rows)],
  );
  // An active hold on the hall camera for hours 10 to 20 back, and a released one on the yard.
  await database.run(
    `INSERT INTO legal_holds (kind, camera, range_start, range_end, reason, placed_by, placed_at, released_at)
     VALUES ('footage-range', 'hall', ?, ?, 'incident', 'sec', 0, NULL),
            ('footage-range', 'yard', ?, ?, 'old', 'sec', 0, 1)`,
    [NOW - 20 * HOUR, NOW - 10 * HOUR, NOW - 40 * HOUR, NOW],
  );
  for (const row of rows) {
    row.held = Number(row.camera === 'hall' && row.recorded_at >= NOW - 20 * HOUR && row.recorded_at < NOW - 10 * HOUR);
  }
});

afterEach(() => database.close());

/** What the filter means, worked out the slow way over every row. */
function expected(filter: FootageFilter): { id: number; held: number }[] {
  const statusMatches = (row: Row, status: FootageListStatus | undefined) =>
    status === undefined || (status === 'held' ? row.status === 'kept' && row.held === 1 : row.status === status);
  return rows
    .filter(
      (row) =>
        (filter.id === undefined || row.id === filter.id) &&
        (filter.camera === undefined || row.camera === filter.camera) &&
        (filter.from === undefined || row.recorded_at >= filter.from) &&
        (filter.to === undefined || row.recorded_at < filter.to) &&
        (filter.before === undefined ||
          row.recorded_at < filter.before.recordedAt ||
          (row.recorded_at === filter.before.recordedAt && row.id < filter.before.id)) &&
        statusMatches(row, filter.status),
    )
    .sort((a, b) => b.recorded_at - a.recorded_at || b.id - a.id)
    .slice(0, filter.limit ?? 500)
    .map(({ id, held }) => ({ id, held }));
}

const filters: FootageFilter[] = [
  {},
  { limit: 7 },
  { status: 'kept' },
  { status: 'held' },
  { status: 'deleted' },
  { status: 'gone' },
  { status: 'deleting' },
  { camera: 'hall' },
  { camera: 'hall', status: 'held', limit: 5 },
  { camera: 'yard', status: 'deleted' },
  { from: NOW - 30 * HOUR, to: NOW - 12 * HOUR },
  { from: NOW - 30 * HOUR, to: NOW - 12 * HOUR, status: 'gone', camera: 'gate', limit: 3 },
  { id: 42 },
  { id: 42, status: 'kept' },
  // The next page after a row that shares its recording start with the next one.
  { before: { recordedAt: NOW - 100 * 10 * 60_000, id: 202 }, limit: 5 },
  { before: { recordedAt: NOW - 12 * HOUR, id: 1 }, from: NOW - 30 * HOUR, status: 'kept', camera: 'gate' },
];

describe('the footage list query', () => {
  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))(
    'finds what %s means, newest first',
    async (_label, filter) => {
      const query = footageListQuery(filter, NOW);
      const found = await database.all<{ id: number; held: number }>(query.sql, query.params);
      expect(found.map(({ id, held }) => ({ id, held }))).toEqual(expected(filter));
    },
  );

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))(
    'walks an index in time order for %s, never the whole table',
    async (_label, filter) => {
      const query = footageListQuery(filter, NOW);
      const plan = (await database.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)).map(
        (step) => step.detail,
      );
      const onFiles = plan.filter((detail) => / f\b/.test(detail));
      expect(onFiles.length).toBeGreaterThan(0);
      for (const detail of onFiles) {
        expect(detail).toMatch(
          /USING INDEX (footage_live_by_time|footage_live_by_camera_time|footage_record_by_time|footage_deleting)|USING INTEGER PRIMARY KEY/,
        );
      }
    },
  );

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))(
    'counts what %s matches, limit and cursor aside, on the same indexes',
    async (_label, filter) => {
      const query = footageCountQuery(filter, NOW);
      const { total } = (await database.get<{ total: number }>(query.sql, query.params))!;
      expect(total).toBe(expected({ ...filter, limit: rows.length, before: undefined }).length);
      const plan = (await database.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)).map(
        (step) => step.detail,
      );
      for (const detail of plan.filter((step) => / f\b/.test(step))) {
        expect(detail).toMatch(
          /USING (COVERING )?INDEX (footage_live_by_time|footage_live_by_camera_time|footage_record_by_time|footage_deleting)|USING INTEGER PRIMARY KEY/,
        );
      }
    },
  );

  it('pages through every row, each once, newest first', async () => {
    const seen: number[] = [];
    let before: FootageFilter['before'];
    for (;;) {
      const query = footageListQuery({ limit: 7, before }, NOW);
      const page = await database.all<{ id: number; recorded_at: number }>(query.sql, query.params);
      seen.push(...page.map((row) => row.id));
      if (page.length < 7) break;
      before = { recordedAt: page.at(-1)!.recorded_at, id: page.at(-1)!.id };
    }
    expect(seen).toEqual(expected({ limit: rows.length }).map((row) => row.id));
  });
});
