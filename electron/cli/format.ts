import type {
  AuditEntry,
  FootageRow,
  JobRun,
  LegalHold,
  RetentionStatus,
  StaffAccount,
  TodayVisits,
} from '../../shared/api/types';
import { translate } from '../../shared/messages';
import { describeRunReason } from '../../shared/run-reasons';
import { printable } from '../../shared/printable';
import type { ApiError } from '../../shared/result';
import { formatIsoDateTime, formatTime } from '../../shared/date-format';
import { localDateThrough } from '../../shared/time';

export function formatApiError(error: ApiError): string {
  const fields = Object.entries(error.fields ?? {})
    .map(([field, key]) => `${field}: ${key ? translate(key, 'en') : ''}`)
    .join('; ');
  return fields ? `invalid input: ${fields}` : translate(error.key, 'en');
}

export function formatToday(today: TodayVisits): string {
  const lines = today.visits.map((visit) => {
    const signedIn = formatTime(visit.signedInAt, today.timeZone);
    const signedOut = visit.signedOutAt === null ? 'on site' : formatTime(visit.signedOutAt, today.timeZone);
    const name = printable(`${visit.firstName} ${visit.lastName}`);
    return [
      signedIn,
      signedOut.padEnd(7),
      name.padEnd(32),
      printable(visit.company ?? '').padEnd(24),
      printable(visit.plate ?? ''),
    ].join('  ');
  });
  const header = `Visitors on ${today.date} (${today.timeZone}): ${today.visits.length}, on site: ${today.onSiteCount}`;
  return [header, ...lines].join('\n');
}

export function formatStaff(accounts: StaffAccount[]): string {
  if (accounts.length === 0)
    return 'No staff accounts yet. Add the first admin with: kiosk staff add --name N --role admin';
  return accounts
    .map((account) =>
      [
        String(account.id).padStart(4),
        account.role.padEnd(12),
        account.disabledAt ? 'disabled' : 'active  ',
        printable(account.name),
      ].join('  '),
    )
    .join('\n');
}

export function formatAudit(entries: AuditEntry[], timeZone: string): string {
  if (entries.length === 0) return 'The audit log is empty.';
  return entries
    .map((entry) =>
      [
        formatIsoDateTime(entry.at, timeZone),
        printable(entry.actor).padEnd(16),
        printable(entry.action).padEnd(28),
        printable(JSON.stringify(entry.detail)),
      ].join('  '),
    )
    .join('\n');
}

export function formatRun(run: JobRun): string {
  const counts = Object.entries(run.counts)
    .map(([name, count]) => `${printable(name)} ${count}`)
    .join(', ');
  const reason = run.reason ? ` (${describeRunReason(run.reason, 'en')})` : '';
  const outcome =
    run.outcome === 'blocked' ? `blocked${reason}: nothing erased` : `${run.outcome ?? 'running'}${reason}`;
  return `${printable(run.job)} run ${run.id}: ${outcome}${counts ? `; ${counts}` : ''}`;
}

/** What a hold keeps: a visit, a footage file, or a camera over a time range. */
function holdSubject(hold: LegalHold, timeZone: string): string {
  if (hold.kind === 'footage-file') return `footage file ${printable(hold.footagePath ?? '')}`;
  if (hold.kind === 'footage-range') {
    const from = hold.rangeStart === null ? '?' : formatIsoDateTime(hold.rangeStart, timeZone);
    const to = hold.rangeEnd === null ? '?' : formatIsoDateTime(hold.rangeEnd, timeZone);
    return `camera ${printable(hold.camera ?? '')} ${from} to ${to}`;
  }
  return `visit ${hold.visitId}`;
}

/**
 * A hold's end or review date as the person typed it: `--until 2027-06-01` is stored as the start of
 * 2 June (the end is exclusive) and reads "end of 2027-06-01"; any other moment reads as date and time.
 */
export function throughDay(epochMs: number, timeZone: string): string {
  const through = localDateThrough(epochMs, timeZone);
  return through ? `end of ${through}` : formatIsoDateTime(epochMs, timeZone);
}

export function formatHolds(holds: LegalHold[], timeZone: string): string {
  if (holds.length === 0) return 'No active legal holds.';
  return holds
    .map((hold) =>
      [
        String(hold.id).padStart(4),
        holdSubject(hold, timeZone),
        `since ${formatIsoDateTime(hold.placedAt, timeZone)}`,
        hold.endsAt ? `until ${throughDay(hold.endsAt, timeZone)}` : 'until released',
        `${hold.basis === 'legalObligation' ? 'legal obligation' : 'necessary for our activities'}`,
        `review by ${throughDay(hold.reviewAt, timeZone)}`,
        `by ${printable(hold.placedBy)}: ${printable(hold.reason)}`,
      ].join('  '),
    )
    .join('\n');
}

export function formatRetentionStatus(status: RetentionStatus, timeZone: string): string {
  const lines = [
    status.blocked
      ? `BLOCKED: the visit purge of ${formatIsoDateTime(status.blocked.startedAt, timeZone)} erased nothing (${status.blocked.reason ? describeRunReason(status.blocked.reason, 'en') : ''}); run "kiosk retention confirm-clock" once the clock is right.`
      : 'The visit purge is not blocked.',
    `Next visit purge: ${formatIsoDateTime(status.nextVisitPurgeAt, timeZone)}`,
    `Next visit deadline: ${status.nextVisitDeadline === null ? 'none' : formatIsoDateTime(status.nextVisitDeadline, timeZone)}`,
    `Active legal holds: ${status.activeHolds.length}`,
    'Last runs:',
    ...status.lastRuns.map((run) => `  ${formatIsoDateTime(run.startedAt, timeZone)}  ${formatRun(run)}`),
  ];
  return lines.join('\n');
}

export function formatFootage(rows: FootageRow[], timeZone: string): string {
  if (rows.length === 0) return 'No footage files match.';
  return rows
    .map((row) =>
      [
        formatIsoDateTime(row.recordedAt, timeZone) + (row.timeSource === 'mtime' ? '*' : ' '),
        printable(row.cameraName).padEnd(14),
        row.status.padEnd(8),
        row.deleteBy !== null
          ? `delete by ${formatIsoDateTime(row.deleteBy, timeZone)}`
          : row.deletedAt !== null
            ? `deleted ${formatIsoDateTime(row.deletedAt, timeZone)}`
            : '',
        `${row.size} B`,
        row.future ? 'FUTURE-DATED' : '',
        row.claimedRecordedAt !== null
          ? `DATED WHEN FIRST SEEN (path says ${formatIsoDateTime(row.claimedRecordedAt, timeZone)})`
          : '',
        printable(row.path),
      ].join('  '),
    )
    .join('\n');
}
