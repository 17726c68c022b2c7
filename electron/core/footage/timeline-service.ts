import { DateTime } from 'luxon';
import type { FootageTimeline, TimelineSegment } from '../../../shared/api/footage-timeline';
import type { KioskConfig } from '../../../shared/config';
import { cameraDisplayName } from '../../../shared/footage-path';
import { endOfLocalDate } from '../../../shared/time';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { FOOTAGE_NOT_HELD } from './purge';
import { ACTIVE_HOLD } from '../holds/holds-service';

/** How far before the day a recording may have started and still run into it. */
const LOOKBACK_MS = 60 * 60 * 1000;

/**
 * A live file: its start as an offset from the query's first moment, its mtime as an offset from its
 * start, and its flags (DATED_BY_MTIME, HELD). The query sends it as three numbers: the id, the start
 * offset times FLAG_VALUES plus the flags, and the mtime offset. Writing a number out as text is most
 * of the query's time (about a fifth of a microsecond each), and small numbers are quicker for
 * JSON.parse to read than thirteen-digit ones.
 */
type SegmentRecord = [id: number, startOffset: number, mtimeOffset: number, flags: number];
const FIELDS = 3;
const DATED_BY_MTIME = 1;
const HELD = 2;
const FLAG_VALUES = 4;

/**
 * A file's end, as the range holds read it (holds.ts rangeHoldCovers): its mtime, cut at the start of
 * the camera's next segment; a file dated by its mtime has no known length.
 */
function segmentEnd(record: SegmentRecord, next: SegmentRecord | undefined): number {
  const [, start, mtimeOffset, flags] = record;
  if (flags & DATED_BY_MTIME) return start;
  return Math.max(start, Math.min(start + mtimeOffset, next?.[1] ?? Infinity));
}

/**
 * A camera's live files that start in [dayStart, dayEnd) or in the hour before, in time order, with
 * whether a hold covers each: a walk of that camera's stretch of its time index, which carries every
 * column read here but the hold check's (migration 0025), so no file is looked up in the table unless a
 * hold might cover it. One flat JSON array of three numbers a file (read back as SegmentRecords),
 * from the first moment `from`: the driver builds an object per row otherwise, which cost most of the
 * call on a day of 8,640 clips, and an array per row (json_array) cost a quarter more than one list of
 * numbers. Where no active hold can cover any of them (`mayBeHeld` false: no file hold at all, no
 * range hold on this camera) the hold check per row is left out; it cost a fifth of the query.
 */
export function timelineQuery(camera: string, dayStart: number, dayEnd: number, now: number, mayBeHeld = true) {
  // In the inner query the index gives time order as it is walked; an ORDER BY inside the aggregate
  // would sort the day's rows again. Every column is NOT NULL, so no row drops out of the concatenation.
  // One printf per file writes its three numbers a tenth quicker than joining them with ||.
  const from = dayStart - LOOKBACK_MS;
  const flags = `(time_source = 'mtime') * ${DATED_BY_MTIME}${mayBeHeld ? ` + (NOT (${FOOTAGE_NOT_HELD})) * ${HELD}` : ''}`;
  return {
    from,
    sql: `SELECT '[' || ifnull(group_concat(printf('%d,%d,%d', id, (recorded_at - ?) * ${FLAG_VALUES} + flags, mtime - recorded_at), ','), '') || ']' AS rows
            FROM (SELECT id, recorded_at, mtime, ${flags} AS flags
                    FROM footage_files f INDEXED BY footage_live_by_camera_time
                   WHERE status = 'kept' AND camera = ? AND recorded_at >= ? AND recorded_at < ?
                   ORDER BY recorded_at, id)`,
    params: [from, ...(mayBeHeld ? [now] : []), camera, from, dayEnd],
  };
}

/** The flat list of fields as records. */
function recordsOf(fields: number[]): SegmentRecord[] {
  const records: SegmentRecord[] = new Array(fields.length / FIELDS);
  for (let index = 0; index < records.length; index++) {
    const at = index * FIELDS;
    const startAndFlags = fields[at + 1]!;
    const flags = startAndFlags % FLAG_VALUES;
    records[index] = [fields[at]!, (startAndFlags - flags) / FLAG_VALUES, fields[at + 2]!, flags];
  }
  return records;
}

/** Whether any active hold could cover a file of `camera`: a hold on a single file, or a range on the camera. */
async function mayBeHeld(database: Database, camera: string, now: number): Promise<boolean> {
  const row = await database.get<{ any: 0 | 1 }>(
    `SELECT EXISTS (SELECT 1 FROM legal_holds WHERE ${ACTIVE_HOLD}
              AND (kind = 'footage-file' OR (kind = 'footage-range' AND camera = ?))) AS "any"`,
    [now, camera],
  );
  return row!.any === 1;
}

/** In (recorded_at, id) order, as the index walk gives them; sorted only if SQLite ever handed them over otherwise. */
export function inTimeOrder(records: SegmentRecord[]): SegmentRecord[] {
  for (let index = 1; index < records.length; index++) {
    const [id, at] = records[index]!;
    const [previousId, previousAt] = records[index - 1]!;
    if (at < previousAt || (at === previousAt && id < previousId)) {
      return records.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    }
  }
  return records;
}

/** A camera's recordings over one local day, for the security view's timeline. */
export function createFootageTimeline({
  database,
  config,
  clock,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
}) {
  return {
    /** `date` is a local date in the kiosk's zone (2026-11-25). */
    async day(camera: string, date: string): Promise<FootageTimeline> {
      const zone = config.timeZone;
      const dayStart = DateTime.fromISO(date, { zone }).startOf('day').toMillis();
      const dayEnd = endOfLocalDate(date, zone);
      const now = clock.now();
      const query = timelineQuery(camera, dayStart, dayEnd, now, await mayBeHeld(database, camera, now));
      const { rows } = (await database.get<{ rows: string }>(query.sql, query.params))!;
      const records = inTimeOrder(recordsOf(JSON.parse(rows) as number[]));
      const segments: TimelineSegment[] = [];
      const dayStartOffset = dayStart - query.from;
      for (let index = 0; index < records.length; index++) {
        const record = records[index]!;
        const end = segmentEnd(record, records[index + 1]);
        if (record[1] < dayStartOffset && end <= dayStartOffset) continue;
        segments.push([record[0], query.from + record[1], query.from + end, record[3] & HELD ? 1 : 0]);
      }
      const holds = await database.all<{ id: number; from: number; to: number }>(
        `SELECT id, range_start AS "from", range_end AS "to" FROM legal_holds
          WHERE kind = 'footage-range' AND camera = ? AND ${ACTIVE_HOLD} AND range_start < ? AND range_end > ?
          ORDER BY range_start, id`,
        [camera, now, dayEnd, dayStart],
      );
      return {
        camera,
        cameraName: cameraDisplayName(config.footage.cameraNames, camera),
        dayStart,
        dayEnd,
        segments,
        holds,
      };
    },
  };
}

export type FootageTimelineService = ReturnType<typeof createFootageTimeline>;
