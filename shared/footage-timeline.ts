import type { TimelineSegment } from './api/footage-timeline';

/** Recordings closer together than this are drawn as one bar (ten-second clips are a stream). */
const JOIN_GAP_MS = 2_000;

export interface TimelineRun {
  start: number;
  end: number;
  held: boolean;
}

/** The day's segments as bars: touching files joined, held ones apart. */
export function runsOf(segments: TimelineSegment[]): TimelineRun[] {
  const runs: TimelineRun[] = [];
  for (const [, start, end, held] of segments) {
    const last = runs.at(-1);
    if (last && last.held === (held === 1) && start - last.end <= JOIN_GAP_MS) last.end = Math.max(last.end, end);
    else runs.push({ start, end, held: held === 1 });
  }
  return runs;
}

/** The index of the segment recording at `moment`, else of the first one after it; -1 when none. */
export function segmentAt(segments: TimelineSegment[], moment: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (segments[middle]![1] <= moment) low = middle + 1;
    else high = middle;
  }
  // low: the first segment starting after the moment; the one before may still be recording.
  const before = segments[low - 1];
  if (before && (before[2] > moment || before[1] === moment)) return low - 1;
  return low < segments.length ? low : -1;
}

/** How many breaks there are in the recording: a held file next to others is none. */
export function gapsOf(segments: TimelineSegment[]): number {
  return segments.filter((segment, index) => index > 0 && segment[1] - segments[index - 1]![2] > JOIN_GAP_MS).length;
}
