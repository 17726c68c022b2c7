import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../user-error';

export interface CopiedFile {
  path: string;
  size: number;
  sha256: string;
}

/** The folder an export goes into: new, or empty. Created readable by the kiosk's account only. */
export function prepareExportFolder(folder: string): void {
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory() || fs.readdirSync(folder).length > 0)
      throw new UserError({ key: 'privacy.exportFolderNotEmpty' });
    return;
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}

const BUFFER_SIZE = 1 << 20;

/** The index's '/'-separated path under the root, refused when it could climb out of it. */
function insideRoot(realRoot: string, relativePath: string): string | null {
  const parts = relativePath.split('/');
  if (
    relativePath.includes('\0') ||
    relativePath.includes('\\') ||
    parts.some((part) => part === '' || part === '..' || part === '.')
  )
    return null;
  const candidate = path.resolve(realRoot, ...parts);
  const relative = path.relative(realRoot, candidate);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? null : candidate;
}

/**
 * Copies one footage file (its path relative to the root) to the same relative path under `target`,
 * hashing the bytes as they are written. The source is opened without following a symlink, and its
 * folder must really lie inside the root, so a link planted in the recordings cannot export another file.
 */
export function copyFootageFile(realRoot: string, relativePath: string, target: string): CopiedFile {
  const source = insideRoot(realRoot, relativePath);
  if (!source) throw new UserError({ key: 'privacy.footageUnavailable' });
  let realFolder: string;
  try {
    realFolder = fs.realpathSync(path.dirname(source));
  } catch {
    throw new UserError({ key: 'privacy.footageUnavailable' });
  }
  const fromRoot = path.relative(realRoot, realFolder);
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot))
    throw new UserError({ key: 'privacy.footageUnavailable' });

  let input: number;
  try {
    input = fs.openSync(source, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch {
    throw new UserError({ key: 'privacy.footageUnavailable' });
  }
  try {
    if (!fs.fstatSync(input).isFile()) throw new UserError({ key: 'privacy.footageUnavailable' });
    const destination = path.join(target, ...relativePath.split('/'));
    fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
    const output = fs.openSync(destination, 'wx', 0o600);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(BUFFER_SIZE);
    let size = 0;
    try {
      for (;;) {
        const read = fs.readSync(input, buffer, 0, BUFFER_SIZE, null);
        if (read === 0) break;
        const chunk = buffer.subarray(0, read);
        for (let written = 0; written < read;) written += fs.writeSync(output, chunk, written, read - written);
        hash.update(chunk);
        size += read;
      }
      fs.fsyncSync(output);
    } finally {
      fs.closeSync(output);
    }
    return { path: relativePath, size, sha256: hash.digest('hex') };
  } finally {
    fs.closeSync(input);
  }
}
