import { z } from 'zod';
import type { TimeSource } from '../footage-path';
import { channel } from './channel';

export interface RecorderSample {
  path: string;
  /** As read from the path (an id for some recorders) ... */
  camera: string;
  /** ... and as people know it (footage.cameraNames). */
  cameraName: string;
  recordedAt: number;
  timeSource: TimeSource;
}

/** Files whose folders look alike (digits replaced by #) and that one layout read. */
export interface RecorderLayoutReport {
  /** Such as "#-#-#/#/front_door": the folder with each run of digits as #. */
  folderPattern: string;
  /** The preset pattern or configured pattern ('pattern 1'); null: nothing matched, the mtime stood in. */
  layout: string | null;
  /** The preset's name and title, when a preset matched. */
  recorder: string | null;
  title: string | null;
  /** The layout holds no recording start (Hikvision ring files, ZoneMinder medium and shallow): the mtime stands in. */
  noTimeInPath: boolean;
  files: number;
  /** Files whose start is their mtime: nothing matched, or the layout has no time in its paths. */
  mtimeFiles: number;
  samples: RecorderSample[];
}

export interface RecorderInspection {
  /** footage.recorder as configured ('auto' by default). */
  recorder: string;
  root: string;
  files: number;
  mtimeFiles: number;
  /** The walk stopped after this many files; the figures cover those. */
  truncated: boolean;
  layouts: RecorderLayoutReport[];
}

const noInput = z.strictObject({});

export const recordersApi = {
  'recorders.inspect': channel<typeof noInput, RecorderInspection>({
    view: 'footage',
    input: noInput,
    access: ['admin'],
  }),
};
