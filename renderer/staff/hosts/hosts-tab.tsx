import { useCallback, useState, type FormEvent } from 'react';
import type { Host } from '../../../shared/api/hosts';
import { translate } from '../../../shared/messages';
import type { ApiError } from '../../../shared/result';
import { Field } from '../../field';
import { invitationText } from '../../invitation-texts';
import { ScreenHeading } from '../../screen-heading';
import { useSingleFlight } from '../../use-single-flight';
import { ErrorLine } from '../kit/error-line';
import { DataTable } from '../kit/data-table';
import { SubmitButton } from '../kit/submit-button';
import type { StaffTabProps } from '../kit/tab-props';
import { useLoaded } from '../kit/use-loaded';

/** The admin's host directory: name, e-mail address, active. */
export function HostsTab({ client, language, facts }: StaffTabProps) {
  const text = invitationText[language];
  const load = useCallback((background: boolean) => client.invoke('hosts.list', {}, { background }), [client]);
  const { value: hosts, reload } = useLoaded(load);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const { busy, start } = useSingleFlight();

  const add = (event: FormEvent) => {
    event.preventDefault();
    void start(async () => {
      const result = await client.invoke('hosts.add', { name, email });
      setError(result.ok ? null : result.error);
      if (result.ok) {
        setName('');
        setEmail('');
        await reload();
      }
    });
  };

  const toggle = (host: Host) =>
    start(async () => {
      const result = await client.invoke('hosts.setActive', { hostId: host.id, active: !host.active });
      setError(result.ok ? null : result.error);
      await reload();
    });

  const fieldError = (field: string) => (error?.fields?.[field] ? translate(error.fields[field], language) : undefined);
  return (
    <>
      <ScreenHeading>{text.hostsTitle}</ScreenHeading>
      <p className="lead">{text.hostsLead}</p>
      {!facts.hostNotice && <p className="note">{text.hostNoticeOff}</p>}
      <DataTable<Host>
        className="hosts-table"
        caption={text.hostsTitle}
        columns={[
          { key: 'name', header: text.hostName, cell: (host) => host.name, rowHeader: true },
          { key: 'email', header: text.hostEmail, cell: (host) => host.email },
          { key: 'active', header: text.hostActive, cell: (host) => (host.active ? '✓' : '–'), nowrap: true },
          {
            key: 'action',
            header: <span className="visually-hidden">{text.hostActive}</span>,
            cell: (host) => (
              <button
                type="button"
                className="secondary small"
                aria-label={host.active ? text.deactivate(host.name) : text.activate(host.name)}
                disabled={busy}
                onClick={() => void toggle(host)}
              >
                {host.active ? text.off : text.on}
              </button>
            ),
          },
        ]}
        rows={hosts ?? []}
        rowKey={(host) => host.id}
      />
      <form onSubmit={add} noValidate autoComplete="off">
        <div className="field-row">
          <Field label={text.hostName} value={name} onChange={setName} error={fieldError('name')} required />
          <Field
            label={text.hostEmail}
            type="email"
            value={email}
            onChange={setEmail}
            error={fieldError('email')}
            required
          />
        </div>
        <ErrorLine message={error && !error.fields ? translate(error.key, language) : null} />
        <div className="actions">
          <SubmitButton busy={busy}>{text.addHost}</SubmitButton>
        </div>
      </form>
    </>
  );
}
