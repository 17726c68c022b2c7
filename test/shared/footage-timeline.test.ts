import { describe, expect, it } from 'vitest';
import type { TimelineSegment } from '../../shared/api/footage-timeline';
import { gapsOf, runsOf, segmentAt } from '../../shared/footage-timeline';

// Ten-second clips from 0 to 30 s (the middle one held), then one at 100 s.
const segments: TimelineSegment[] = [
  [1, 0, 10_000, 0],
  [2, 10_000, 20_000, 1],
  [3, 20_000, 30_000, 0],
  [4, 100_000, 110_000, 0],
];

describe('the timeline of a day', () => {
  it('draws touching clips as one bar, held ones apart, and counts only real breaks as gaps', () => {
    expect(runsOf(segments)).toEqual([
      { start: 0, end: 10_000, held: false },
      { start: 10_000, end: 20_000, held: true },
      { start: 20_000, end: 30_000, held: false },
      { start: 100_000, end: 110_000, held: false },
    ]);
    expect(runsOf(segments.map(([id, start, end]) => [id, start, end, 0]))).toHaveLength(2);
    expect(gapsOf(segments)).toBe(1);
  });

  it('finds the clip recording at a moment, else the next one, else none', () => {
    expect(segmentAt(segments, 0)).toBe(0);
    expect(segmentAt(segments, 15_000)).toBe(1);
    expect(segmentAt(segments, 20_000)).toBe(2);
    expect(segmentAt(segments, 50_000)).toBe(3); // in the gap: the next recording
    expect(segmentAt(segments, 120_000)).toBe(-1);
    expect(segmentAt([], 0)).toBe(-1);
  });
});
