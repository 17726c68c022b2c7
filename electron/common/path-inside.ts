// Path containment, shared by the core and the shells (the core never imports from a shell). Pure
// path arithmetic: whether a path stays inside a folder is decided on names, never on the disk.
import path from 'node:path';

/** Whether `candidate` (absolute) is `root` itself or lies below it. path.relative, not startsWith: "/rootx" is not inside "/root". */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

// A backslash is an ordinary character in a Linux file name, and a separator on Windows.
const NOT_IN_A_NAME = path.sep === '\\' ? /[/\\\0]/ : /[/\0]/;

/** One plain file or folder name: no separator, NUL, "." or "..", so it cannot climb or reach elsewhere. */
export const isPlainName = (name: string): boolean =>
  name !== '' && name !== '.' && name !== '..' && !NOT_IN_A_NAME.test(name);

/**
 * The file under `root` that a URL path names, or null when it would leave the root. Uses
 * path.relative rather than startsWith, so "/rootx" or "..%2f" cannot pass as inside.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // No request of ours ever climbs: refuse "..", NUL and backslashes rather than normalise them away.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(root, candidate);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return candidate;
}
