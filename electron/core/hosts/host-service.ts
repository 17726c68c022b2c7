import type { Host, HostSuggestion } from '../../../shared/api/hosts';
import type { KioskConfig } from '../../../shared/config';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { createRateLimit } from '../public-screen/throttles';
import { UserError } from '../user-error';
import type { HostMail } from './host-mail';

const MAX_SUGGESTIONS = 5;
// Suggestions a minute per screen: enough to find one's host, too few to page through the directory.
export const SUGGESTIONS_PER_MINUTE = 20;
// Naming a host belongs to the sign-in it follows, as the badge does.
const NOTIFY_WINDOW_MS = 2 * 60_000;

interface HostRecord {
  id: number;
  name: string;
  email: string;
  active: number;
}

const toHost = (record: HostRecord): Host => ({
  id: record.id,
  name: record.name,
  email: record.email,
  active: record.active === 1,
});

// Words that come between a Dutch (or Flemish, German, French) first and last name: "de", "van den".
const TUSSENVOEGSELS = new Set([
  'de',
  'den',
  'der',
  'van',
  'von',
  'ter',
  'ten',
  'te',
  'het',
  "'t",
  "'s",
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'des',
  'del',
]);

/** "Henk de Wit" -> "Henk W.": enough to pick one's host, too little to read the directory. */
export function suggestionLabel(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? '';
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return last ? `${first} ${last[0]!.toUpperCase()}.` : first;
}

export function createHostService({
  database,
  config,
  clock,
  audit,
  mail,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  mail: HostMail;
}) {
  const suggestions = createRateLimit({ clock, limit: SUGGESTIONS_PER_MINUTE, windowMs: 60_000 });
  /**
   * Whether a query ("piet", "piet j", "piet jansen", "anna de vries") fits a label ("piet j"): the
   * start of the first name, then perhaps the last name, of which only the initial is compared, so no
   * query tells more of a name than its label shows. A tussenvoegsel typed last compares nothing yet.
   */
  const fitsLabel = (query: string, label: string) => {
    const [first = '', ...rest] = query.split(' ');
    const [labelFirst = '', initial] = label.split(' ');
    if (first === '' || !labelFirst.startsWith(first)) return false;
    const lastWord = rest.at(-1);
    if (lastWord === undefined || TUSSENVOEGSELS.has(lastWord)) return true;
    return initial !== undefined && lastWord.startsWith(initial);
  };
  /** A query or label as compared: lower-case, without the label's dot, single spaces. */
  const matchable = (text: string) =>
    text.normalize('NFC').toLocaleLowerCase('nl').replace(/\./g, '').replace(/\s+/g, ' ').trim();

  async function get(id: number): Promise<HostRecord> {
    const record = await database.get<HostRecord>('SELECT id, name, email, active FROM hosts WHERE id = ?', [id]);
    if (!record) throw new UserError({ key: 'host.unknown' });
    return record;
  }

  return {
    async list(): Promise<Host[]> {
      const records = await database.all<HostRecord>('SELECT id, name, email, active FROM hosts ORDER BY name, id');
      return records.map(toHost);
    },

    async add(actor: AuditActor, name: string, email: string): Promise<Host> {
      const { lastId } = await database.transaction(async (tx) => {
        const inserted = await tx.run('INSERT INTO hosts (name, email, active, created_at) VALUES (?, ?, 1, ?)', [
          name,
          email,
          clock.now(),
        ]);
        await audit.record(actor, 'hosts.added', { hostId: inserted.lastId }, tx);
        return inserted;
      });
      return toHost(await get(lastId));
    },

    async setActive(actor: AuditActor, hostId: number, active: boolean): Promise<Host> {
      await get(hostId);
      await database.transaction(async (tx) => {
        await tx.run('UPDATE hosts SET active = ? WHERE id = ?', [active ? 1 : 0, hostId]);
        await audit.record(actor, active ? 'hosts.activated' : 'hosts.deactivated', { hostId }, tx);
      });
      return toHost(await get(hostId));
    },

    /**
     * Active hosts whose label ("Henk W.") the query fits (see fitsLabel), at most five; nothing while
     * the option is off. A screen gets SUGGESTIONS_PER_MINUTE at most.
     */
    async suggest(query: string, terminal: string): Promise<HostSuggestion[]> {
      if (!config.hostNotice.enabled) return [];
      if (!suggestions.take(terminal).allowed) throw new UserError({ key: 'host.tooManySuggestions' });
      const wanted = matchable(query);
      const records = await database.all<HostRecord>(
        'SELECT id, name, email, active FROM hosts WHERE active = 1 ORDER BY name, id',
      );
      return records
        .map((record) => ({ id: record.id, label: suggestionLabel(record.name) }))
        .filter((suggestion) => fitsLabel(wanted, matchable(suggestion.label)))
        .slice(0, MAX_SUGGESTIONS);
    },

    /**
     * An invited visitor arrived whose invitation names a host: when that name is an active host in
     * the directory, they are told as if the visitor had picked them. Never throws.
     */
    async notifyByName(visitId: number, hostName: string): Promise<void> {
      if (!config.hostNotice.enabled) return;
      const host = await database.get<{ id: number }>(
        'SELECT id FROM hosts WHERE active = 1 AND lower(name) = lower(?) ORDER BY id LIMIT 1',
        [hostName.trim()],
      );
      if (!host) return;
      await database.run('INSERT INTO host_mails (visit_id, host_id, next_try_at) VALUES (?, ?, ?)', [
        visitId,
        host.id,
        clock.now(),
      ]);
      void mail.deliver();
    },

    /**
     * The visitor who just signed in names their host: the visit records the host and a mail is
     * queued. The mail goes in the background; its failure never undoes or delays the sign-in.
     */
    async notify(signOutCode: string, hostId: number): Promise<null> {
      if (!config.hostNotice.enabled) throw new UserError({ key: 'host.unavailable' });
      const host = await get(hostId);
      if (host.active !== 1) throw new UserError({ key: 'host.unknown' });
      await database.transaction(async (tx) => {
        const visit = await tx.get<{ id: number }>(
          `SELECT id FROM visits WHERE sign_out_code = ? AND signed_out_at IS NULL AND signed_in_at >= ?
             AND host_name IS NULL`,
          [signOutCode, clock.now() - NOTIFY_WINDOW_MS],
        );
        if (!visit) throw new UserError({ key: 'host.unavailable' });
        await tx.run('UPDATE visits SET host_name = ? WHERE id = ?', [host.name, visit.id]);
        await tx.run('INSERT INTO host_mails (visit_id, host_id, next_try_at) VALUES (?, ?, ?)', [
          visit.id,
          host.id,
          clock.now(),
        ]);
      });
      void mail.deliver();
      return null;
    },
  };
}

export type HostService = ReturnType<typeof createHostService>;
