import fs from 'node:fs';
import { problemId, type HealthProblem, type HealthState } from '../../../shared/api/health';
import type { KioskConfig } from '../../../shared/config';
import { describeProblem } from '../../../shared/health-texts';
import type { Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import type { Clock } from '../clock';
import type { Database } from '../database';
import type { HealthService } from './health-service';
import { clearMailFailure, recordMailFailure } from './mail-failure';

const ALERT_STATE_KEY = 'healthAlerts';
/** While a problem lasts, it is mailed again this long after the last mail about it. */
export const REMIND_AFTER_MS = 24 * 60 * 60 * 1000;

type AlertEmailConfig = NonNullable<KioskConfig['alerts']['email']>;

/** Per alarm (problemId): when it was first mailed, and last. */
export type AlertState = Record<string, { startedAt: number; mailedAt: number }>;

export interface AlertPlan {
  started: HealthProblem[];
  reminded: HealthProblem[];
  /** Still open, mailed less than a day ago: listed for context, not what the mail is for. */
  stillOpen: HealthProblem[];
  resolved: string[];
  /** The state to keep once the mail is out. */
  next: AlertState;
}

/** Which alarms a mail is due for now: new ones, those last mailed a day ago, and those resolved. */
export function planAlerts(state: AlertState, health: HealthState, now: number): AlertPlan {
  const plan: AlertPlan = { started: [], reminded: [], stillOpen: [], resolved: [], next: {} };
  for (const problem of health.problems) {
    const id = problemId(problem);
    const known = state[id];
    if (!known) {
      plan.started.push(problem);
      plan.next[id] = { startedAt: now, mailedAt: now };
    } else if (now - known.mailedAt >= REMIND_AFTER_MS) {
      plan.reminded.push(problem);
      plan.next[id] = { startedAt: known.startedAt, mailedAt: now };
    } else {
      plan.stillOpen.push(problem);
      plan.next[id] = known;
    }
  }
  plan.resolved = Object.keys(state).filter((id) => !(id in plan.next));
  return plan;
}

export const isMailDue = (plan: AlertPlan) => plan.started.length + plan.reminded.length + plan.resolved.length > 0;

const headings = {
  nl: {
    started: 'Nieuw',
    reminded: 'Duurt nog voort',
    stillOpen: 'Ook nog open',
    resolved: 'Opgelost',
    todo: 'Wat te doen',
  },
  en: {
    started: 'New',
    reminded: 'Still going on',
    stillOpen: 'Also still open',
    resolved: 'Resolved',
    todo: 'What to do',
  },
};

/** The alarm mail: keys, counts and times only, in Dutch and then English. Never a visitor's data. */
export function composeAlertMail(plan: AlertPlan, config: KioskConfig, now: number): { subject: string; text: string } {
  const zone = config.timeZone;
  const open = plan.started.length + plan.reminded.length + plan.stillOpen.length;
  const subject =
    open > 0
      ? `[${config.organisation.name} kiosk] ${open} bewaarprobleem/-problemen / retention problem(s)`
      : `[${config.organisation.name} kiosk] Opgelost / resolved`;
  const section = (language: Language) => {
    const words = headings[language];
    const lines: string[] = [];
    const list = (title: string, problems: HealthProblem[]) => {
      if (problems.length === 0) return;
      lines.push('', `${title}:`);
      for (const problem of problems) {
        const text = describeProblem(problem, language, zone);
        lines.push(`- [${problemId(problem)}] ${text.what}`, `  ${words.todo}: ${text.todo}`);
      }
    };
    list(words.started, plan.started);
    list(words.reminded, plan.reminded);
    list(words.stillOpen, plan.stillOpen);
    if (plan.resolved.length > 0) lines.push('', `${words.resolved}:`, ...plan.resolved.map((id) => `- [${id}]`));
    return lines;
  };
  const text = [
    `Kiosk ${config.organisation.name}, ${formatDateTime(now, zone, 'nl')} (${zone})`,
    ...section('nl'),
    '',
    '----',
    ...section('en'),
    '',
  ].join('\n');
  return { subject, text };
}

export type SendMail = (message: { subject: string; text: string }) => Promise<void>;

/**
 * Sends through the configured SMTP server with nodemailer; bounded waits, so a dead server fails soon.
 * `ca` (a PEM file) is trusted besides the system's authorities: a self-signed or internal-CA server.
 * It is read at each send, so a missing file is a failed mail (and its alarm), never a kiosk that
 * does not start. Every mail says it was sent automatically (RFC 3834), so no auto-reply answers it.
 */
export function smtpSender(email: AlertEmailConfig): SendMail {
  // Loaded at a mail: a CLI command that sends none does not pay for loading nodemailer.
  const transportFor = async (ca: string | undefined) =>
    (await import('nodemailer')).default.createTransport({
      host: email.host,
      port: email.port,
      secure: email.tls === 'implicit',
      requireTLS: email.tls === 'starttls',
      auth: email.user ? { user: email.user, pass: email.password } : undefined,
      tls: ca === undefined ? undefined : { ca: [ca] },
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
  return async ({ subject, text }) => {
    let ca: string | undefined;
    if (email.ca) {
      try {
        ca = fs.readFileSync(email.ca, 'utf8');
      } catch (error) {
        throw new Error(
          `cannot read alerts.email.ca (${email.ca}): ${(error as NodeJS.ErrnoException).code ?? error}`,
          {
            cause: error,
          },
        );
      }
    }
    await (
      await transportFor(ca)
    ).sendMail({
      from: email.from,
      to: email.to,
      subject,
      text,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  };
}

export type AlertOutcome = 'off' | 'nothingDue' | 'sent' | 'failed';

/**
 * Mails the alarms to `alerts.email`: once when a problem starts, again daily while it lasts, and once
 * when it is resolved. A mail that cannot be sent is logged and tried again at the next check; a check
 * never throws, so it cannot fail the purge it follows.
 */
export function createHealthAlerts({
  database,
  config,
  clock,
  health,
  logError,
  // Read at each check, so changed mail settings apply without a restart.
  send: fixedSend,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  health: HealthService;
  logError: (error: unknown, context: string) => void;
  send?: SendMail | null;
}) {
  let senderFor: { email: unknown; send: SendMail | null } | null = null;
  const currentSender = (): SendMail | null => {
    if (fixedSend !== undefined) return fixedSend;
    if (senderFor?.email !== config.alerts.email)
      senderFor = { email: config.alerts.email, send: config.alerts.email ? smtpSender(config.alerts.email) : null };
    return senderFor.send;
  };
  async function loadState(): Promise<AlertState> {
    const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [ALERT_STATE_KEY]);
    return row ? (JSON.parse(row.value) as AlertState) : {};
  }

  async function checkOnce(): Promise<AlertOutcome> {
    const send = currentSender();
    if (!send) return 'off';
    try {
      const now = clock.now();
      const state = await health.current();
      // A mail that goes through ends the mail alarm itself: it is for the banner, not for the mail.
      const mailable = { ...state, problems: state.problems.filter((problem) => problem.key !== 'mailFailed') };
      const plan = planAlerts(await loadState(), mailable, now);
      if (!isMailDue(plan)) return 'nothingDue';
      try {
        await send(composeAlertMail(plan, config, now));
      } catch (error) {
        logError(error, 'alarm mail could not be sent; tried again at the next check');
        await recordMailFailure(database, now, error);
        return 'failed';
      }
      await clearMailFailure(database);
      await database.run(
        'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [ALERT_STATE_KEY, JSON.stringify(plan.next)],
      );
      return 'sent';
    } catch (error) {
      logError(error, 'alarm check');
      return 'failed';
    }
  }

  // One check at a time: two runs finishing together must not mail the same alarm twice.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    check(): Promise<AlertOutcome> {
      const result = queue.then(checkOnce);
      queue = result;
      return result;
    },
  };
}

export type HealthAlerts = ReturnType<typeof createHealthAlerts>;
