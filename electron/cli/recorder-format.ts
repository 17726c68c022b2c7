import type { RecorderInspection } from '../../shared/api/footage-recorders';
import type { FootageRow } from '../../shared/api/types';
import { formatFootage } from './format';
import { DateTime } from 'luxon';

/** `footage inspect` as text: per folder pattern, the layout that read it, mtime fallbacks, samples. */
export function formatRecorderInspection(inspection: RecorderInspection, zone: string): string {
  const lines = [
    `Recorder: ${inspection.recorder}; root ${inspection.root}`,
    `${inspection.files} video files${inspection.truncated ? ' (walk stopped there)' : ''}, ${inspection.mtimeFiles} with their start taken from the file's mtime`,
  ];
  for (const report of inspection.layouts) {
    const read =
      report.layout === null ? 'no pattern matched' : `${report.layout}${report.title ? ` (${report.title})` : ''}`;
    const fallback = report.noTimeInPath
      ? ", no recording start in these paths: each file's mtime stands in"
      : report.mtimeFiles > 0
        ? `, ${report.mtimeFiles} from mtime`
        : '';
    lines.push('', `${report.folderPattern || '(root)'}: ${read}; ${report.files} files${fallback}`);
    for (const sample of report.samples) {
      const camera = sample.cameraName === sample.camera ? sample.camera : `${sample.cameraName} (${sample.camera})`;
      const start = `${DateTime.fromMillis(sample.recordedAt, { zone }).toFormat('yyyy-MM-dd HH:mm:ss')}${sample.timeSource === 'mtime' ? ' (mtime)' : ''}`;
      lines.push(`  ${sample.path}  ->  ${camera}, ${start}`);
    }
  }
  return lines.join('\n');
}

/** The footage list as text, with a word on the mark of a start taken from the mtime. */
export function formatFootageList(rows: FootageRow[], zone: string): string {
  const legend = rows.some((row) => row.timeSource === 'mtime')
    ? "\n\n* no recording start in the path: the file's modification time stands in"
    : '';
  return formatFootage(rows, zone) + legend;
}
