import { useCallback, useState, type FormEvent } from 'react';
import type { Device, DeviceKind, EnrolmentCode } from '../../../shared/api/devices';
import { formatDateTime } from '../../../shared/date-format';
import { translate } from '../../../shared/messages';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { DataTable } from '../kit/data-table';
import type { StaffTabProps } from '../kit/tab-props';
import { useAction } from '../kit/use-action';
import { useLoaded } from '../kit/use-loaded';
import { devicesText } from './devices-texts';
import '../../console-device/console.css';

/** The admin's view of the console: its address and fingerprint, enrolment codes, devices to revoke. */
export function DevicesTab({ client, language, timeZone }: StaffTabProps) {
  const text = devicesText[language];
  const loadInfo = useCallback(() => client.invoke('console.info', {}), [client]);
  const loadDevices = useCallback(() => client.invoke('devices.list', {}), [client]);
  const info = useLoaded(loadInfo);
  const devices = useLoaded(loadDevices);
  const reload = useCallback(async () => {
    await Promise.all([info.reload(), devices.reload()]);
  }, [info, devices]);
  const action = useAction(language, reload);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('desk');
  const [code, setCode] = useState<EnrolmentCode | null>(null);
  const when = (at: number | null) => (at === null ? '–' : formatDateTime(at, timeZone, language));

  async function create(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.invoke('devices.createCode', { name, kind }));
    if (result?.ok) {
      setCode(result.value);
      setName('');
    }
  }

  return (
    <>
      <ScreenHeading>{text.title}</ScreenHeading>
      {info.value && info.value.listen === null && <p className="lead">{text.consoleOff}</p>}
      {info.value?.url && (
        <dl className="console-facts">
          <dt>{text.address}</dt>
          <dd data-testid="console-url">{info.value.url}</dd>
          <dt>{text.fingerprint}</dt>
          <dd className="fingerprint" data-testid="console-fingerprint">
            {info.value.fingerprint}
          </dd>
        </dl>
      )}
      {info.value?.enrolmentClosed && (
        <p className="error" role="alert">
          {text.enrolmentClosed}{' '}
          <button
            type="button"
            className="secondary"
            disabled={action.busy}
            onClick={() => void action.run(() => client.invoke('devices.reopenEnrolment', {}))}
          >
            {text.reopen}
          </button>
        </p>
      )}
      <form className="device-code-form" onSubmit={(event) => void create(event)} autoComplete="off" noValidate>
        <h2>{text.newCode}</h2>
        <Field label={text.name} value={name} onChange={setName} maxLength={80} required />
        <div role="group" aria-label={text.kind} className="device-kind">
          <span aria-hidden="true">{text.kind}</span>
          {(['desk', 'kiosk'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className={kind === option ? 'primary' : 'secondary'}
              aria-pressed={kind === option}
              onClick={() => setKind(option)}
            >
              {text.kinds[option]}
            </button>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={action.busy || name.trim() === ''}>
            {text.create}
          </button>
        </div>
      </form>
      {code && (
        <p className="success" role="status">
          {text.codeFor(code.name, when(code.expiresAt))}{' '}
          <strong className="enrolment-code" data-testid="enrolment-code">
            {code.code}
          </strong>
        </p>
      )}
      <ErrorLine message={action.message ?? (devices.error ? translate(devices.error.key, language) : null)} />
      <h2>{text.devices}</h2>
      {devices.value && devices.value.length === 0 && <p className="lead">{text.noDevices}</p>}
      {devices.value && devices.value.length > 0 && (
        <DataTable<Device>
          caption={text.devices}
          rows={devices.value}
          rowKey={(device) => device.id}
          columns={[
            { key: 'name', header: text.name, cell: (device) => device.name, rowHeader: true },
            { key: 'kind', header: text.kind, cell: (device) => text.kinds[device.kind] },
            { key: 'enrolled', header: text.enrolled, cell: (device) => when(device.enrolledAt), nowrap: true },
            { key: 'seen', header: text.lastSeen, cell: (device) => when(device.lastSeenAt), nowrap: true },
            {
              key: 'status',
              header: text.status,
              cell: (device) =>
                device.revokedAt === null ? (
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={text.revokeLabel(device.name)}
                    disabled={action.busy}
                    onClick={() => void action.run(() => client.invoke('devices.revoke', { deviceId: device.id }))}
                  >
                    {text.revoke}
                  </button>
                ) : (
                  text.revoked(when(device.revokedAt))
                ),
            },
          ]}
        />
      )}
    </>
  );
}
