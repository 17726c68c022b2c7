import type { AuditEntry, StaffAccount, TodayVisits } from '../../shared/api/types';
import { translate } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import { formatLocalDateTime, formatLocalTime } from '../../shared/time';

export function formatApiError(error: ApiError): string {
  const fields = Object.entries(error.fields ?? {})
    .map(([field, key]) => `${field}: ${key ? translate(key, 'en') : ''}`)
    .join('; ');
  return fields ? `invalid input: ${fields}` : translate(error.key, 'en');
}

export function formatToday(today: TodayVisits): string {
  const lines = today.visits.map((visit) => {
    const signedIn = formatLocalTime(visit.signedInAt, today.timeZone);
    const signedOut = visit.signedOutAt === null ? 'on site' : formatLocalTime(visit.signedOutAt, today.timeZone);
    const name = `${visit.firstName} ${visit.lastName}`;
    return [signedIn, signedOut.padEnd(7), name.padEnd(32), (visit.company ?? '').padEnd(24), visit.plate ?? ''].join(
      '  ',
    );
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
        account.name,
      ].join('  '),
    )
    .join('\n');
}

export function formatAudit(entries: AuditEntry[], timeZone: string): string {
  if (entries.length === 0) return 'The audit log is empty.';
  return entries
    .map((entry) =>
      [
        formatLocalDateTime(entry.at, timeZone),
        entry.actor.padEnd(16),
        entry.action.padEnd(28),
        JSON.stringify(entry.detail),
      ].join('  '),
    )
    .join('\n');
}
