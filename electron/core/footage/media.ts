import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isPlainName } from '../../common/path-inside';
import type { Database } from '../database';
import type { SessionStore, StaffSession } from '../staff/sessions';
import { openFolderWalk } from './folder-walk';
import { isIndexedFile } from './indexed-file';

const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;
// No symlink as the file itself, and no wait on a FIFO swapped in (fstat then refuses it).
const FILE_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;

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
  /**
   * The bytes to send, read from the file as it was opened and checked (never opened again by path).
   * The shell pipes it to the response, or destroys it (HEAD, an aborted request) to close the file.
   */
  body?: Readable;
}

interface Ticket {
  fileId: number;
  terminal: string;
  /** The staff session that asked: the ticket is valid while that session is, and no longer. */
  session: StaffSession;
  dev: bigint;
  ino: bigint;
}

/**
 * Playback of footage for the security role: the router hands out a ticket for one file, bound to the
 * staff session that asked; the media route (browser mode) or protocol (Electron) serves that file
 * with HTTP range support so a player can seek. The file is opened through the folders as opened from
 * the root with O_NOFOLLOW (see folder-walk.ts), must be the indexed file (size, mtime, one link) and the very
 * file the ticket was issued for (device, inode), and is streamed from that open handle. Nothing of the
 * ticket or the URL becomes a path: folder and name come from the index.
 */
export function createMediaTickets({
  database,
  root,
  sessions,
}: {
  database: Database;
  root: () => string | null;
  sessions: SessionStore;
}) {
  const tickets = new Map<string, Ticket>();
  sessions.onEnd((session) => {
    for (const [key, ticket] of tickets) if (ticket.session === session) tickets.delete(key);
  });

  /** The indexed, live file, opened without following any symlink on the way; null when that fails. */
  async function openIndexed(fileId: number) {
    const row = await database.get<{ folder: string; name: string; size: number; mtime: number }>(
      "SELECT folder, name, size, mtime FROM footage_files WHERE id = ? AND status = 'kept'",
      [fileId],
    );
    const base = root();
    if (!row || !base || !isPlainName(row.name)) return null;
    let handle: fs.promises.FileHandle;
    const walk = openFolderWalk(fs.realpathSync(base));
    try {
      const folder = walk.open(row.folder);
      if (folder === 'gone' || folder === 'refused' || folder === 'unreadable') return null;
      handle = await fs.promises.open(`${folder}${row.name}`, FILE_FLAGS);
    } catch {
      return null;
    } finally {
      walk.close();
    }
    const stat = await handle.stat({ bigint: true }).catch(() => null);
    if (!stat || !isIndexedFile(stat, row)) {
      await handle.close();
      return null;
    }
    return { handle, stat, name: row.name };
  }

  return {
    /**
     * A ticket for the terminal's live staff session, for a file that opens as indexed; null when there
     * is no such session or file. Its device and inode are kept: the ticket plays that file or nothing.
     */
    async issue(fileId: number, terminal: string): Promise<string | null> {
      const session = sessions.peek(terminal);
      if (!session) return null;
      let opened;
      try {
        opened = await openIndexed(fileId);
      } catch {
        opened = null; // the root itself is gone
      }
      if (!opened) return null;
      await opened.handle.close();
      const ticket = randomBytes(24).toString('base64url');
      tickets.set(ticket, { fileId, terminal, session, dev: opened.stat.dev, ino: opened.stat.ino });
      return ticket;
    },

    /** Whether `ticket` is one of the terminal's live session's: the player's keep-alive names it. */
    isPlaying(ticket: string, terminal: string): boolean {
      const entry = tickets.get(ticket);
      return entry !== undefined && entry.terminal === terminal && sessions.peek(terminal) === entry.session;
    },

    /**
     * The file behind `ticket`, with ranges. `terminal`, where the shell knows which screen asks (the
     * console's enrolled devices), must be the one the ticket was issued to: a ticket seen on one
     * device does not play on another.
     */
    async respond(ticket: string, rangeHeader: string | undefined, terminal?: string): Promise<MediaResponse> {
      const notFound: MediaResponse = { status: 404, headers: {} };
      const entry = tickets.get(ticket);
      if (!entry || (terminal !== undefined && entry.terminal !== terminal)) return notFound;
      if (sessions.peek(entry.terminal) !== entry.session) {
        tickets.delete(ticket); // locked, expired or replaced since
        return notFound;
      }
      let opened;
      try {
        opened = await openIndexed(entry.fileId);
      } catch {
        return notFound;
      }
      if (!opened) return notFound;
      const { handle, stat, name } = opened;
      if (stat.dev !== entry.dev || stat.ino !== entry.ino) {
        await handle.close();
        return notFound;
      }
      const size = Number(stat.size);
      const type = VIDEO_TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
      const range = parseRange(rangeHeader, size);
      if (range === 'unsatisfiable') {
        await handle.close();
        return { status: 416, headers: { 'content-range': `bytes */${size}` } };
      }
      const common = { 'content-type': type, 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
      // The stream closes the file when it ends or is destroyed.
      if (!range)
        return {
          status: 200,
          headers: { ...common, 'content-length': String(size) },
          body: handle.createReadStream(),
        };
      return {
        status: 206,
        headers: {
          ...common,
          'content-length': String(range.end - range.start + 1),
          'content-range': `bytes ${range.start}-${range.end}/${size}`,
        },
        body: handle.createReadStream({ start: range.start, end: range.end }),
      };
    },
  };
}

export type MediaTickets = ReturnType<typeof createMediaTickets>;
