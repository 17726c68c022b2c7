import { useCallback, useId, useState, type FormEvent } from 'react';
import type { StaffRole } from '../../shared/api/channel';
import type { StaffAccount } from '../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { ScreenHeading } from '../screen-heading';
import { digitsOnly } from './pin-pad';
import type { StaffText } from './texts';
import { useLoaded } from './use-loaded';

const ROLES: StaffRole[] = ['receptionist', 'security', 'admin', 'privacy'];

export function StaffAccountsTab({
  client,
  language,
  text,
}: {
  client: ApiClient;
  language: Language;
  text: StaffText;
}) {
  const load = useCallback(() => client.invoke('staff.list', {}), [client]);
  const { value: accounts, error, reload } = useLoaded(load);
  const [notice, setNotice] = useState<{ error?: ApiError; message?: string } | null>(null);

  const report = async (result: { ok: true } | { ok: false; error: ApiError }, message?: string) => {
    setNotice(result.ok ? (message ? { message } : null) : { error: result.error });
    await reload();
  };

  return (
    <>
      <ScreenHeading>{text.staffTitle}</ScreenHeading>
      {(error || notice?.error) && (
        <p className="form-error" role="alert">
          {translate((notice?.error ?? error)!.key, language)}
        </p>
      )}
      {notice?.message && (
        <p className="success" role="status">
          {notice.message}
        </p>
      )}
      <table className="visits">
        <caption className="visually-hidden">{text.staffTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{text.staffNumberColumn}</th>
            <th scope="col">{text.name}</th>
            <th scope="col">{text.role}</th>
            <th scope="col">{text.columns.action}</th>
          </tr>
        </thead>
        <tbody>
          {(accounts ?? []).map((account) => (
            <AccountRow key={account.id} account={account} client={client} text={text} report={report} />
          ))}
        </tbody>
      </table>
      <AddStaffForm client={client} language={language} text={text} onAdded={reload} />
    </>
  );
}

interface RowProps {
  account: StaffAccount;
  client: ApiClient;
  text: StaffText;
  report: (result: { ok: true } | { ok: false; error: ApiError }, message?: string) => Promise<void>;
}

function AccountRow({ account, client, text, report }: RowProps) {
  const [pin, setPin] = useState('');
  const pinId = useId();
  const disabled = account.disabledAt !== null;
  return (
    <tr className={disabled ? 'left' : 'on-site'}>
      <td className="staff-number">{account.id}</td>
      <th scope="row">{account.name}</th>
      <td>
        {text.roles[account.role]} · {disabled ? text.disabled : text.active}
      </td>
      <td className="row-actions">
        <button
          type="button"
          className="secondary small"
          onClick={async () =>
            report(await client.invoke('staff.setDisabled', { staffId: account.id, disabled: !disabled }))
          }
        >
          {disabled ? text.enable : text.disable}
        </button>
        <label htmlFor={pinId} className="visually-hidden">
          {`${text.resetPin}: ${account.name}`}
        </label>
        <input
          id={pinId}
          className="inline-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          placeholder={text.resetPin}
          value={pin}
          onChange={(event) => setPin(digitsOnly(event.target.value))}
        />
        <button
          type="button"
          className="secondary small"
          onClick={async () => {
            const result = await client.invoke('staff.resetPin', { staffId: account.id, pin });
            setPin('');
            await report(result, text.pinSaved);
          }}
        >
          {text.setPin}
        </button>
      </td>
    </tr>
  );
}

function AddStaffForm({
  client,
  language,
  text,
  onAdded,
}: {
  client: ApiClient;
  language: Language;
  text: StaffText;
  onAdded: () => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('receptionist');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const roleId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await client.invoke('staff.add', { name, role, pin });
    if (!result.ok) return setErrors({ ...result.error.fields, form: result.error.key });
    setErrors({});
    setName('');
    setPin('');
    await onAdded();
  }

  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  return (
    <form className="add-staff" onSubmit={submit} autoComplete="off" noValidate>
      <h2>{text.addStaff}</h2>
      <div className="field-row">
        <Field label={text.name} value={name} onChange={setName} error={message(errors.name)} required />
        <div className="field">
          <label htmlFor={roleId}>{text.role}</label>
          <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {text.roles[option]}
              </option>
            ))}
          </select>
          <div className="message-slot" />
        </div>
        <Field
          label={text.newPin}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(value) => setPin(digitsOnly(value))}
          error={message(errors.pin)}
          required
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {text.add}
        </button>
      </div>
    </form>
  );
}
