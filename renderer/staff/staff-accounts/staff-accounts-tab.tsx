import { useCallback, useId, useState, type FormEvent } from 'react';
import type { StaffRole } from '../../../shared/api/channel';
import type { StaffAccount } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { ConfirmButton } from '../kit/confirm-button';
import { DataTable } from '../kit/data-table';
import type { StaffTabProps } from '../kit/tab-props';
import { SubmitButton } from '../kit/submit-button';
import { useAction } from '../kit/use-action';
import { digitsOnly } from '../unlock/pin-pad';
import { staffAccountsText } from './staff-accounts-texts';
import type { StaffText } from '../texts';
import { useLoaded } from '../kit/use-loaded';
import { useSingleFlight } from '../../use-single-flight';
import './staff-accounts-tab.css';

const ROLES: StaffRole[] = ['receptionist', 'security', 'admin', 'privacy'];

export function StaffAccountsTab({ client, language, text }: StaffTabProps) {
  const load = useCallback(() => client.invoke('staff.list', {}), [client]);
  const { value: accounts, error, reload } = useLoaded(load);
  const action = useAction(language, reload);
  const [success, setSuccess] = useState<string | null>(null);
  const own = staffAccountsText[language];

  const columns = [
    { key: 'number', header: own.staffNumberColumn, cell: (account: StaffAccount) => account.id, nowrap: true },
    { key: 'name', header: text.name, cell: (account: StaffAccount) => account.name, rowHeader: true },
    {
      key: 'role',
      header: own.role,
      cell: (account: StaffAccount) =>
        `${text.roles[account.role]} · ${account.disabledAt !== null ? own.disabled : own.active}`,
    },
    {
      key: 'action',
      header: text.columns.action,
      cell: (account: StaffAccount) => (
        <AccountActions
          account={account}
          client={client}
          language={language}
          busy={action.busy}
          onDone={async (run, message) => {
            setSuccess(null);
            const result = await action.run(run);
            if (!result) return undefined; // a second tap while the first runs
            if (result.ok && message) setSuccess(message);
            return result.ok ? null : (result.error.fields?.pin ?? result.error.key);
          }}
        />
      ),
    },
  ];

  return (
    <div className="staff-accounts">
      <ScreenHeading>{own.staffTitle}</ScreenHeading>
      <ErrorLine message={action.message ?? (error ? translate(error.key, language) : null)} />
      {success && (
        <p className="success" role="status">
          {success}
        </p>
      )}
      <DataTable
        caption={own.staffTitle}
        columns={columns}
        rows={accounts ?? []}
        rowKey={(account) => account.id}
        rowClassName={(account) => (account.disabledAt !== null ? 'muted' : undefined)}
      />
      <AddStaffForm
        client={client}
        language={language}
        text={text}
        onAdded={async (account) => {
          setSuccess(own.added(account.name, account.id));
          await reload();
        }}
      />
    </div>
  );
}

interface ActionsProps {
  account: StaffAccount;
  client: ApiClient;
  language: Language;
  busy: boolean;
  /** Runs the call; resolves to the message key of the PIN field's problem, or null when it went well. */
  onDone: (
    run: () => ReturnType<ApiClient['invoke']>,
    successMessage?: string,
  ) => Promise<MessageKey | null | undefined>;
}

function AccountActions({ account, client, language, busy, onDone }: ActionsProps) {
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<MessageKey | null>(null);
  const pinId = useId();
  const own = staffAccountsText[language];
  const disabled = account.disabledAt !== null;
  const setDisabled = (value: boolean) =>
    onDone(() => client.invoke('staff.setDisabled', { staffId: account.id, disabled: value }));
  return (
    <div className="account-actions">
      {disabled ? (
        <button
          type="button"
          className="secondary small"
          aria-label={own.enableAccount(account.name)}
          disabled={busy}
          onClick={() => void setDisabled(false)}
        >
          {own.enable}
        </button>
      ) : (
        <ConfirmButton
          label={own.disable}
          ariaLabel={own.disableAccount(account.name)}
          question={own.disableQuestion(account.name)}
          confirmLabel={own.confirmDisable}
          language={language}
          disabled={busy}
          onConfirm={() => setDisabled(true)}
        />
      )}
      <div className={`inline-pin-field ${pinError ? 'has-error' : ''}`}>
        <label htmlFor={pinId} className="inline-pin-label">
          {own.resetPin}
        </label>
        <input
          id={pinId}
          aria-label={own.newPinFor(account.name)}
          className="inline-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          aria-invalid={pinError !== null}
          aria-describedby={pinError ? `${pinId}-error` : undefined}
          value={pin}
          onChange={(event) => setPin(digitsOnly(event.target.value))}
        />
        <button
          type="button"
          className="secondary small"
          aria-label={own.savePinFor(account.name)}
          disabled={busy}
          onClick={async () => {
            const problem = await onDone(
              () => client.invoke('staff.resetPin', { staffId: account.id, pin }),
              own.pinSaved,
            );
            setPinError(problem ?? null);
            if (!problem) setPin('');
          }}
        >
          {own.savePin}
        </button>
        {pinError && (
          <p id={`${pinId}-error`} className="error inline-pin-error">
            {translate(pinError, language)}
          </p>
        )}
      </div>
    </div>
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
  onAdded: (account: StaffAccount) => Promise<void>;
}) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('receptionist');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Partial<Record<string, MessageKey>>>({});
  const roleId = useId();
  const own = staffAccountsText[language];

  const { busy, start } = useSingleFlight();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start(async () => {
      const result = await client.invoke('staff.add', { name, role, pin });
      if (!result.ok) return setErrors({ ...result.error.fields, form: result.error.key });
      setErrors({});
      setName('');
      setPin('');
      await onAdded(result.value);
    });
  };

  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  const formOnly = errors.form && !errors.name && !errors.pin ? errors.form : undefined;
  return (
    <form className="add-staff-form" onSubmit={submit} autoComplete="off" noValidate>
      <h2>{own.addStaff}</h2>
      <div className="field-row">
        <Field label={text.name} value={name} onChange={setName} error={message(errors.name)} required />
        <div className="field">
          <label htmlFor={roleId}>{own.role}</label>
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
      <ErrorLine message={message(formOnly)} />
      <div className="actions">
        <SubmitButton busy={busy}>{text.add}</SubmitButton>
      </div>
    </form>
  );
}
