import fs from 'node:fs';
import path from 'node:path';
import type { RecorderInspection, RecorderLayoutReport } from '../../../shared/api/footage-recorders';
import type { KioskConfig } from '../../../shared/config';
import { cameraDisplayName, createFootageIdentifier, isVideoFile } from '../../../shared/footage-path';
import { RECORDER_PRESETS } from '../../../shared/recorder-presets';
import { inspectRoot } from './root';

const SAMPLES_PER_LAYOUT = 3;
const MAX_LAYOUTS = 100;
export const INSPECT_MAX_FILES = 200_000;

const presetOfLabel = new Map(
  RECORDER_PRESETS.flatMap((preset) => preset.patterns.map((pattern) => [pattern.label, { preset, pattern }] as const)),
);

/** "2026-05-11/14/front_door" -> "#-#-#/#/front_door": folders of one layout and camera fall together. */
export function folderPatternOf(folder: string): string {
  return folder.replace(/\d+/g, '#');
}

export class RecorderRootError extends Error {}

/**
 * What the configured recorder layout (or 'auto') reads from the files under the root, without touching
 * the index: per folder pattern and layout, how many files, how many fell back to their mtime, and a few
 * samples. Symlinks are not followed. Walks at most `maxFiles` files.
 */
export async function inspectRecorders(
  config: KioskConfig,
  root: string,
  { maxFiles = INSPECT_MAX_FILES }: { maxFiles?: number } = {},
): Promise<RecorderInspection> {
  const check = inspectRoot(root);
  if (!check.ok) throw new RecorderRootError(check.detail);
  const identifier = createFootageIdentifier(config.footage, config.timeZone);
  const reports = new Map<string, RecorderLayoutReport>();
  const inspection: RecorderInspection = {
    recorder: config.footage.recorder,
    root,
    files: 0,
    mtimeFiles: 0,
    truncated: false,
    layouts: [],
  };

  const stack = [''];
  while (stack.length > 0) {
    const folder = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(folder ? path.join(check.realRoot, folder) : check.realRoot, {
        withFileTypes: true,
      });
    } catch {
      continue; // an unreadable folder: the scan reports those
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) subfolders.push(relative);
      if (!entry.isFile() || !isVideoFile(entry.name, config.footage.extensions)) continue;
      if (inspection.files >= maxFiles) {
        inspection.truncated = true;
        stack.length = 0;
        break;
      }
      inspection.files++;
      // The mtime matters only where it stands in for the start: read it for those files alone.
      let identity = identifier.identify(relative, 0);
      if (identity.timeSource === 'mtime') {
        const stat = await fs.promises.lstat(path.join(check.realRoot, relative)).catch(() => null);
        identity = identifier.identify(relative, stat?.mtimeMs ?? 0);
        inspection.mtimeFiles++;
      }
      const folderPattern = folderPatternOf(folder);
      const key = `${folderPattern}\n${identity.layout ?? ''}`;
      let report = reports.get(key);
      if (!report) {
        if (reports.size >= MAX_LAYOUTS) continue;
        const known = identity.layout === null ? undefined : presetOfLabel.get(identity.layout);
        const ownPattern = identity.layout?.startsWith('pattern ')
          ? config.footage.patterns[Number(identity.layout.slice('pattern '.length)) - 1]
          : undefined;
        report = {
          folderPattern,
          layout: identity.layout,
          recorder: known?.preset.name ?? null,
          title: known?.preset.title ?? null,
          noTimeInPath: (known?.pattern.time ?? ownPattern?.time) === 'mtime',
          files: 0,
          mtimeFiles: 0,
          samples: [],
        };
        reports.set(key, report);
      }
      report.files++;
      if (identity.timeSource === 'mtime') report.mtimeFiles++;
      if (report.samples.length < SAMPLES_PER_LAYOUT) {
        report.samples.push({
          path: relative,
          camera: identity.camera,
          cameraName: cameraDisplayName(config.footage.cameraNames, identity.camera),
          recordedAt: identity.recordedAt,
          timeSource: identity.timeSource,
        });
      }
    }
    stack.push(...subfolders.reverse());
  }
  inspection.layouts = [...reports.values()].sort((a, b) => b.files - a.files);
  return inspection;
}
