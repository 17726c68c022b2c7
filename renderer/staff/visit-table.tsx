import type { VisitRow } from '../../shared/api/types';
import { formatTime } from '../../shared/date-format';
import type { StaffText } from './texts';

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
    return time;
  };
  return (
    <table className="visits">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.visitNumber}</th>
          <th scope="col">{text.columns.name}</th>
          <th scope="col">{text.columns.company}</th>
          <th scope="col">{text.columns.plate}</th>
          <th scope="col">{text.columns.signedIn}</th>
          {onSignOut && <th scope="col">{text.columns.signedOut}</th>}
          {onSignOut && <th scope="col">{text.columns.action}</th>}
        </tr>
      </thead>
      <tbody>
        {visits.map((visit) => {
          const name = `${visit.firstName} ${visit.lastName}`;
          return (
            <tr key={visit.id} className={visit.signedOutAt === null ? 'on-site' : 'left'}>
              <td className="number">{visit.id}</td>
              <th scope="row">{name}</th>
              <td>{visit.company}</td>
              <td className="plate">{visit.plate}</td>
              <td>{formatTime(visit.signedInAt, timeZone)}</td>
              {onSignOut && <td>{left(visit)}</td>}
              {onSignOut && (
                <td>
                  {visit.signedOutAt === null && (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={text.signOutVisitor(name)}
                      onClick={() => onSignOut(visit)}
                    >
                      {text.signOutShort}
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
