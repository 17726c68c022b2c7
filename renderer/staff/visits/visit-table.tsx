import type { VisitRow } from '../../../shared/api/types';
import { formatTime } from '../../../shared/date-format';
import { DataTable, type Column } from '../kit/data-table';
import type { StaffText } from '../texts';
import './visit-table.css';

interface Props {
  visits: VisitRow[];
  timeZone: string;
  text: StaffText;
  caption: string;
  /** The reception list has a sign-out button per visitor on site; the evacuation list has none. */
  onSignOut?: (visit: VisitRow) => void;
}

export function VisitTable({ visits, timeZone, text, caption, onSignOut }: Props) {
  const left = (visit: VisitRow) => {
    if (visit.signedOutAt === null) return <strong>{text.onSite}</strong>;
    const time = formatTime(visit.signedOutAt, timeZone);
    if (visit.signOutMethod === 'automatic') return `${time} (${text.automatically})`;
    if (visit.signOutMethod === 'staff') return `${time} (${text.byStaff})`;
    if (visit.signOutMethod === 'name') return <strong className="by-name">{`${time} (${text.byName})`}</strong>;
    return time;
  };
  const nameOf = (visit: VisitRow) => `${visit.firstName} ${visit.lastName}`;
  const columns: Column<VisitRow>[] = [
    { key: 'number', header: text.visitNumber, cell: (visit) => visit.id, nowrap: true },
    { key: 'name', header: text.columns.name, cell: nameOf, rowHeader: true },
    { key: 'company', header: text.columns.company, cell: (visit) => visit.company },
    { key: 'plate', header: text.columns.plate, cell: (visit) => visit.plate },
    {
      key: 'signed-in',
      header: text.columns.signedIn,
      cell: (visit) => formatTime(visit.signedInAt, timeZone),
      nowrap: true,
    },
  ];
  // The evacuation list keeps a visitor signed out by name (anyone could type that name): marked, for a check.
  if (!onSignOut && visits.some((visit) => visit.signOutMethod === 'name')) {
    columns.push({ key: 'signed-out', header: text.columns.signedOut, cell: left });
  }
  if (onSignOut) {
    columns.push(
      { key: 'signed-out', header: text.columns.signedOut, cell: left },
      {
        key: 'action',
        header: text.columns.action,
        noPrint: true,
        cell: (visit) =>
          visit.signedOutAt === null && (
            <button
              type="button"
              className="secondary small"
              aria-label={text.signOutVisitor(nameOf(visit))}
              onClick={() => onSignOut(visit)}
            >
              {text.signOutShort}
            </button>
          ),
      },
    );
  }
  return (
    <DataTable
      className="visit-table"
      caption={caption}
      columns={columns}
      rows={visits}
      rowKey={(visit) => visit.id}
      rowClassName={(visit) => (visit.signedOutAt === null ? 'on-site' : 'muted')}
    />
  );
}
