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

/** "Anna of Acme is at reception", in Dutch and English: her first name and company, nothing more. */
export function composeHostMail(firstName: string, company: string | null) {
  const nl = company ? `${firstName} van ${company} is bij de receptie` : `${firstName} is bij de receptie`;
  const en = company ? `${firstName} of ${company} is at reception` : `${firstName} is at reception`;
  return { subject: `${nl} / ${en}`, text: `${nl}.\n\n${en}.\n` };
}

/**
 * The host notices waiting in host_mails: each is sent, or tried again later with growing waits,
 * and deleted once sent or given up. Never throws; one delivery at a time.
 */
export function createHostMail({
  database,
  clock,
  send,
  logError,
}: {
  database: Database;
  clock: Clock;
  send: SendHostMail | null;
  logError: (error: unknown, context: string) => void;
}) {
  let retryTimer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let stopped = false;

  async function deliverOnce(): Promise<{ sent: number; failed: number }> {
    const counts = { sent: 0, failed: 0 };
    const due = await database.all<{
      id: number;
      attempts: number;
      email: string;
      first_name: string | null;
      company: string | null;
    }>(
      `SELECT m.id, m.attempts, h.email, v.first_name, v.company FROM host_mails m
         JOIN hosts h ON h.id = m.host_id LEFT JOIN visits v ON v.id = m.visit_id
        WHERE m.next_try_at <= ? ORDER BY m.id`,
      [clock.now()],
    );
    for (const mail of due) {
      // The visit was erased or nobody can send: nothing left to tell.
      if (mail.first_name === null || !send) {
        await database.run('DELETE FROM host_mails WHERE id = ?', [mail.id]);
        continue;
      }
      try {
        await send(mail.email, composeHostMail(mail.first_name, mail.company));
        await database.run('DELETE FROM host_mails WHERE id = ?', [mail.id]);
        await clearMailFailure(database);
        counts.sent++;
      } catch (error) {
        counts.failed++;
        await recordMailFailure(database, clock.now(), error);
        const attempts = mail.attempts + 1;
        logError(error, `host mail could not be sent (attempt ${attempts})`);
        if (attempts >= MAX_ATTEMPTS) {
          await database.run('DELETE FROM host_mails WHERE id = ?', [mail.id]);
          continue;
        }
        const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
        await database.run('UPDATE host_mails SET attempts = ?, next_try_at = ?, last_error = ? WHERE id = ?', [
          attempts,
          clock.now() + wait,
          error instanceof Error ? error.message.slice(0, 200) : 'error',
          mail.id,
        ]);
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
