import { useCallback, useState } from 'react';
import { translate, type Language } from '../../shared/messages';
import { formatDateTime } from '../../shared/date-format';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { ScreenHeading } from '../screen-heading';
import type { StaffText } from './texts';
import { useLoaded } from './use-loaded';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
}

export function AuditTab({ client, language, text, timeZone }: Props) {
  const [action, setAction] = useState('');
  const load = useCallback(
    () => client.invoke('audit.list', { action: action.trim() || undefined, limit: 200 }),
    [client, action],
  );
  const { value: entries, error } = useLoaded(load);

  return (
    <>
      <ScreenHeading>{text.auditTitle}</ScreenHeading>
      <div className="filter">
        <Field label={text.auditFilter} type="search" value={action} onChange={setAction} maxLength={60} />
      </div>
      {error && (
        <p className="form-error" role="alert">
          {translate(error.key, language)}
        </p>
      )}
      {entries && entries.length === 0 && <p className="lead">{text.noAudit}</p>}
      {entries && entries.length > 0 && (
        <table className="visits audit">
          <caption className="visually-hidden">{text.auditTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{text.auditColumns.at}</th>
              <th scope="col">{text.auditColumns.actor}</th>
              <th scope="col">{text.auditColumns.action}</th>
              <th scope="col">{text.auditColumns.detail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.at, timeZone, language)}</td>
                <td>{entry.actor}</td>
                <th scope="row">{entry.action}</th>
                <td className="detail">
                  {Object.entries(entry.detail)
                    .map(([key, value]) => `${key}: ${value}`)
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
