import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { resolveInside } from '../../shell/guards';

const TICKET_LIFETIME_MS = 5 * 60 * 1000;

const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.ts': 'video/mp2t',
};

export type ByteRange = { start: number; end: number };

/**
 * A single "bytes=a-b" range of a file of `size` bytes, as HTTP asks for it. Null for no range (the
 * whole file); 'unsatisfiable' for one that cannot be served. Multiple ranges are served whole.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  file?: { path: string; range: ByteRange | null };
}

/**
 * Playback of footage for the security role: the router hands out a short-lived ticket for one file;
 * the media route (browser mode) or protocol (Electron) serves that file, inside the root only,
 * with HTTP range support so a player can seek.
 */
export function createMediaTickets({
  database,
  clock,
  root,
}: {
  database: Database;
  clock: Clock;
  root: () => string | null;
}) {
  const tickets = new Map<string, { fileId: number; expires: number }>();

  return {
    issue(fileId: number): string {
      const now = clock.now();
      for (const [key, ticket] of tickets) if (ticket.expires <= now) tickets.delete(key);
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { fileId, expires: now + TICKET_LIFETIME_MS });
      return ticket;
    },

    async respond(ticket: string, rangeHeader: string | undefined): Promise<MediaResponse> {
      const notFound: MediaResponse = { status: 404, headers: {} };
      const entry = tickets.get(ticket);
      const base = root();
      if (!entry || entry.expires <= clock.now() || !base) return notFound;
      const row = await database.get<{ path: string }>(
        "SELECT path FROM footage_files WHERE id = ? AND status = 'kept'",
        [entry.fileId],
      );
      if (!row) return notFound;
      let realRoot: string;
      try {
        realRoot = fs.realpathSync(base);
      } catch {
        return notFound;
      }
      const file = resolveInside(realRoot, `/${row.path}`);
      if (!file) return notFound;
      let stat: fs.Stats;
      let realFile: string;
      try {
        stat = fs.lstatSync(file);
        realFile = fs.realpathSync(file);
      } catch {
        return notFound;
      }
      const relative = path.relative(realRoot, realFile);
      if (!stat.isFile() || relative.startsWith('..') || path.isAbsolute(relative)) return notFound;

      const type = VIDEO_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      const range = parseRange(rangeHeader, stat.size);
      if (range === 'unsatisfiable') return { status: 416, headers: { 'content-range': `bytes */${stat.size}` } };
      const common = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
      if (!range)
        return {
          status: 200,
          headers: { ...common, 'content-length': String(stat.size) },
          file: { path: file, range: null },
        };
      return {
        status: 206,
        headers: {
          ...common,
          'content-length': String(range.end - range.start + 1),
          'content-range': `bytes ${range.start}-${range.end}/${stat.size}`,
        },
        file: { path: file, range },
      };
    },
  };
}

export type MediaTickets = ReturnType<typeof createMediaTickets>;
