import type { KioskConfig } from '../../../shared/config';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { smtpSender } from '../health/alert-mail';
import { clearMailFailure, recordMailFailure } from '../health/mail-failure';

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 15 * 60_000;
// A visit is short: after this many tries the mail would arrive after the visitor left.
const MAX_ATTEMPTS = 8;

export type SendHostMail = (to: string, message: { subject: string; text: string }) => Promise<void>;

/** Through the SMTP settings the retention alarms use (alerts.email), to the host's own address. */
export function hostSmtpSender(config: KioskConfig): SendHostMail | null {
  const email = config.alerts.email;
  if (!email) return null;
  return (to, message) => smtpSender({ ...email, to: [to] })(message);
}

/** The subject is fixed: nothing a visitor typed goes into it (a subject is what a mail list shows). */
export const HOST_MAIL_SUBJECT = 'Bezoek bij de receptie / Visitor at reception';
const HOUR_MS = 60 * 60_000;

/**
 * A visitor's words as plain text that no mail program turns into a link: the characters a web or
 * mail address needs (".", ":", "/", "@") are bracketed, as in "acme[.]com".
 */
export function inertText(value: string): string {
  return value.replace(/[.:/@\\]/g, (character) => `[${character}]`);
}

/** One arrival as a line in Dutch and English: first name and company, nothing more. */
function arrivalLines(firstName: string, company: string | null) {
  const name = inertText(firstName);
  const from = company === null ? null : inertText(company);
  return {
    nl: from ? `${name} van ${from} is bij de receptie` : `${name} is bij de receptie`,
    en: from ? `${name} of ${from} is at reception` : `${name} is at reception`,
  };
}

/** "Anna of Acme is at reception", in Dutch and English, under the fixed subject. */
export function composeHostMail(firstName: string, company: string | null) {
  const { nl, en } = arrivalLines(firstName, company);
  return { subject: HOST_MAIL_SUBJECT, text: `${nl}.\n\n${en}.\n` };
}

/** Several arrivals for one host in one mail, once the host has had their mails for the hour. */
export function composeSummaryMail(arrivals: { firstName: string; company: string | null }[]) {
  const lines = arrivals.map((arrival) => arrivalLines(arrival.firstName, arrival.company));
  return {
    subject: HOST_MAIL_SUBJECT,
    text:
      `${arrivals.length} bezoekers zijn bij de receptie:\n${lines.map((line) => `- ${line.nl}`).join('\n')}\n\n` +
      `${arrivals.length} visitors are at reception:\n${lines.map((line) => `- ${line.en}`).join('\n')}\n`,
  };
}

/**
 * The host notices waiting in host_mails: each is sent, or tried again later with growing waits,
 * and deleted once sent or given up. Never throws; one delivery at a time.
 */
export function createHostMail({
  database,
  clock,
  send,
  currentSend,
  logError,
  maxPerHour = () => 10,
}: {
  database: Database;
  clock: Clock;
  send: SendHostMail | null;
  /** When given, read at each delivery instead of `send`: changed mail settings apply without a restart. */
  currentSend?: () => SendHostMail | null;
  logError: (error: unknown, context: string) => void;
  /** hostNotice.maxPerHour, read at each delivery: mails to one host in any hour at most. */
  maxPerHour?: () => number;
}) {
  // When mails went to each host in the last hour (kept in memory: a restart lets a few more through).
  const sentTo = new Map<number, number[]>();
  const sentInLastHour = (hostId: number, now: number) => {
    const times = (sentTo.get(hostId) ?? []).filter((at) => now - at < HOUR_MS);
    sentTo.set(hostId, times);
    return times;
  };
  let retryTimer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function deliverOnce(): Promise<{ sent: number; failed: number }> {
    const counts = { sent: 0, failed: 0 };
    const now = clock.now();
    const due = await database.all<{
      id: number;
      host_id: number;
      attempts: number;
      email: string;
      first_name: string | null;
      company: string | null;
    }>(
      `SELECT m.id, m.host_id, m.attempts, h.email, v.first_name, v.company FROM host_mails m
         JOIN hosts h ON h.id = m.host_id LEFT JOIN visits v ON v.id = m.visit_id
        WHERE m.next_try_at <= ? ORDER BY m.id`,
      [now],
    );
    const byHost = new Map<number, typeof due>();
    const sender = currentSend ? currentSend() : send;
    for (const mail of due) {
      // The visit was erased or nobody can send: nothing left to tell.
      if (mail.first_name === null || !sender) {
        await database.run('DELETE FROM host_mails WHERE id = ?', [mail.id]);
        continue;
      }
      byHost.set(mail.host_id, [...(byHost.get(mail.host_id) ?? []), mail]);
    }
    const limit = maxPerHour();
    for (const [hostId, mails] of byHost) {
      const sent = sentInLastHour(hostId, now);
      const ids = mails.map((mail) => mail.id);
      if (sent.length >= limit) {
        // This host had their mails for the hour: these wait for a free place, and then go as one.
        await database.run(`UPDATE host_mails SET next_try_at = ? WHERE id IN (SELECT value FROM json_each(?))`, [
          Math.min(...sent) + HOUR_MS,
          JSON.stringify(ids),
        ]);
        continue;
      }
      // One mail per arrival while the hour has room for them all and one more; otherwise one summary.
      const room = limit - sent.length;
      const batches = mails.length < room ? mails.map((mail) => [mail]) : [mails];
      for (const batch of batches) {
        const message =
          batch.length === 1
            ? composeHostMail(batch[0]!.first_name!, batch[0]!.company)
            : composeSummaryMail(batch.map((mail) => ({ firstName: mail.first_name!, company: mail.company })));
        const batchIds = JSON.stringify(batch.map((mail) => mail.id));
        try {
          await sender!(batch[0]!.email, message);
          sent.push(clock.now());
          await database.run('DELETE FROM host_mails WHERE id IN (SELECT value FROM json_each(?))', [batchIds]);
          await clearMailFailure(database);
          counts.sent++;
        } catch (error) {
          counts.failed++;
          await recordMailFailure(database, clock.now(), error);
          const attempts = Math.max(...batch.map((mail) => mail.attempts)) + 1;
          logError(error, `host mail could not be sent (attempt ${attempts})`);
          if (attempts >= MAX_ATTEMPTS) {
            await database.run('DELETE FROM host_mails WHERE id IN (SELECT value FROM json_each(?))', [batchIds]);
            continue;
          }
          const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
          await database.run(
            `UPDATE host_mails SET attempts = ?, next_try_at = ?, last_error = ?
              WHERE id IN (SELECT value FROM json_each(?))`,
            [attempts, clock.now() + wait, error instanceof Error ? error.message.slice(0, 200) : 'error', batchIds],
          );
        }
      }
    }
    const next = await database.get<{ at: number | null }>('SELECT min(next_try_at) AS at FROM host_mails');
    clearTimeout(retryTimer);
    if (next?.at != null && !stopped) {
      retryTimer = setTimeout(() => void deliver(), Math.max(1_000, next.at - clock.now()));
      retryTimer.unref();
    }
    return counts;
  }

  function deliver(): Promise<{ sent: number; failed: number }> {
    if (stopped) return Promise.resolve({ sent: 0, failed: 0 });
    const result = queue.then(deliverOnce).catch((error: unknown) => {
      logError(error, 'host mail delivery');
      return { sent: 0, failed: 0 };
    });
    queue = result;
    return result;
  }

  return {
    deliver,
    /** No more deliveries; resolves when the one under way (if any) is done, so the database may close. */
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      await queue.catch(() => undefined);
    },
  };
}

export type HostMail = ReturnType<typeof createHostMail>;
