import { useCallback, useMemo, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/types';
import { translate } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { auditActorName, auditTabText, describeAuditEntry, type DescribedEntry } from './audit-texts';
import { ErrorLine } from '../kit/error-line';
import { DataTable } from '../kit/data-table';
import type { StaffTabProps } from '../kit/tab-props';
import { useLoaded } from '../kit/use-loaded';
import './audit-tab.css';

/** The newest entries, searched on the screen: in the words shown, so "aanmelden" finds what it should. */
const LOADED_ENTRIES = 1000;

export function AuditTab({ client, language, timeZone }: StaffTabProps) {
  const [query, setQuery] = useState('');
  const own = auditTabText[language];
  const loadEntries = useCallback(() => client.invoke('audit.list', { limit: LOADED_ENTRIES }), [client]);
  const { value: entries, error } = useLoaded(loadEntries);
  // The admin already may list staff: their names turn "staffId: 2" into a person.
  const loadStaff = useCallback(() => client.invoke('staff.list', {}), [client]);
  const { value: staff } = useLoaded(loadStaff);

  const described = useMemo(() => {
    const names = new Map((staff ?? []).map((account) => [String(account.id), account.name]));
    const staffName = (id: AuditEntry['detail'][string] | undefined) =>
      names.get(String(id)) ?? own.staffNumber(String(id ?? '?'));
    return (entries ?? []).map((entry) => ({ entry, ...describeAuditEntry(entry, language, staffName) }));
  }, [entries, staff, language, own]);

  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length
    ? described.filter((row) => words.every((word) => row.searchable.includes(word)))
    : described;

  type Row = DescribedEntry & { entry: AuditEntry };
  return (
    <div className="audit-tab">
      <ScreenHeading>{own.auditTitle}</ScreenHeading>
      <div className="filter">
        <Field label={own.filter} type="search" value={query} onChange={setQuery} maxLength={60} />
      </div>
      <ErrorLine message={error ? translate(error.key, language) : null} />
      {entries && <p className="count">{own.shown(shown.length, entries.length)}</p>}
      {entries && shown.length === 0 && <p className="lead">{own.noAudit}</p>}
      {shown.length > 0 && (
        <DataTable<Row>
          caption={own.auditTitle}
          columns={[
            {
              key: 'at',
              header: own.auditColumns.at,
              cell: (row) => formatDateTime(row.entry.at, timeZone, language),
            },
            { key: 'actor', header: own.auditColumns.actor, cell: (row) => auditActorName(row.entry.actor, language) },
            { key: 'action', header: own.auditColumns.action, cell: (row) => row.sentence, rowHeader: true },
            { key: 'detail', header: own.auditColumns.detail, cell: (row) => row.details },
          ]}
          rows={shown}
          rowKey={(row) => row.entry.id}
        />
      )}
    </div>
  );
}
