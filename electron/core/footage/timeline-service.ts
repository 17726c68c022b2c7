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

type SegmentRecord = [id: number, recordedAt: number, mtime: number, timeSource: 'path' | 'mtime', held: 0 | 1];

/**
 * A file's end, as the range holds read it (holds.ts rangeHoldCovers): its mtime, cut at the start of
 * the camera's next segment; a file dated by its mtime has no known length.
 */
function segmentEnd(record: SegmentRecord, next: SegmentRecord | undefined): number {
  const [, recordedAt, mtime, timeSource] = record;
  if (timeSource === 'mtime') return recordedAt;
  return Math.max(recordedAt, Math.min(mtime, next?.[1] ?? Infinity));
}

/**
 * A camera's live files that start in [dayStart, dayEnd) or in the hour before, in time order, with
 * whether a hold covers each: a walk of the live files' time index over the day, then the camera.
 * One JSON text of [id, recorded_at, mtime, time_source, held] rows: the driver builds an object per
 * row otherwise, which cost most of the call on a day of 8,640 clips.
 */
export function timelineQuery(camera: string, dayStart: number, dayEnd: number, now: number) {
  return {
    sql: `SELECT json_group_array(json_array(id, recorded_at, mtime, time_source, NOT (${FOOTAGE_NOT_HELD}))
                   ORDER BY recorded_at, id) AS rows
            FROM footage_files f
           WHERE status = 'kept' AND recorded_at >= ? AND recorded_at < ? AND camera = ?`,
    params: [now, dayStart - LOOKBACK_MS, dayEnd, camera],
  };
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
      const query = timelineQuery(camera, dayStart, dayEnd, now);
      const { rows } = (await database.get<{ rows: string }>(query.sql, query.params))!;
      const records = JSON.parse(rows) as SegmentRecord[];
      const segments: TimelineSegment[] = [];
      for (let index = 0; index < records.length; index++) {
        const record = records[index]!;
        const end = segmentEnd(record, records[index + 1]);
        if (record[1] < dayStart && end <= dayStart) continue;
        segments.push([record[0], record[1], end, record[4] === 1 ? 1 : 0]);
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
