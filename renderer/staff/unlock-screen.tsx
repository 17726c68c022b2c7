import { useEffect, useId, useState, type FormEvent } from 'react';
import type { StaffDirectoryEntry, StaffSessionInfo } from '../../shared/api/types';
import { translate, type Language } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import type { ApiClient } from '../api/client';
import { FormActions } from '../form-actions';
import { ScreenHeading } from '../screen-heading';
import { useStillMounted } from '../use-still-mounted';
import { FirstRunScreen } from './first-run-screen';
import { digitsOnly, PinPad } from './pin-pad';
import { staffText } from './texts';

interface Props {
  language: Language;
  client: ApiClient;
  onUnlocked: (session: StaffSessionInfo) => void;
  onCancel: () => void;
}

export function StaffUnlockScreen({ language, client, onUnlocked, onCancel }: Props) {
  const text = staffText[language];
  const [directory, setDirectory] = useState<StaffDirectoryEntry[] | null>(null);
  const [needsFirstAdmin, setNeedsFirstAdmin] = useState(false);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();
  const pinId = useId();

  useEffect(() => {
    void (async () => {
      const [status, staff] = await Promise.all([
        client.invoke('staff.setupStatus', {}),
        client.invoke('staff.directory', {}),
      ]);
      if (!stillMounted()) return;
      setNeedsFirstAdmin(status.ok && status.value.needsFirstAdmin);
      setDirectory(staff.ok ? staff.value : []);
      if (staff.ok && staff.value.length === 1) setStaffId(staff.value[0]!.id);
    })();
  }, [client, stillMounted]);

  if (needsFirstAdmin)
    return <FirstRunScreen language={language} client={client} onUnlocked={onUnlocked} onCancel={onCancel} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (staffId === null) return;
    setBusy(true);
    const result = await client.invoke('staff.unlock', { staffId, pin });
    if (!stillMounted()) return;
    setBusy(false);
    setPin('');
    if (result.ok) onUnlocked(result.value);
    else setError(result.error);
  }

  const errorText = error ? translate(error.fields?.pin ?? error.key, language, error.params) : null;

  return (
    <section className="screen unlock">
      <ScreenHeading>{text.unlockTitle}</ScreenHeading>
      <form onSubmit={submit} autoComplete="off" noValidate>
        <fieldset className="who">
          <legend>{text.whoAreYou}</legend>
          <div className="choices">
            {(directory ?? []).map((entry) => (
              <button
                key={entry.id}
                type="button"
                className="choice"
                aria-pressed={staffId === entry.id}
                onClick={() => {
                  setStaffId(entry.id);
                  setError(null);
                }}
              >
                {entry.name}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="pin-entry">
          <div className="field">
            <label htmlFor={pinId}>{text.pin}</label>
            <input
              id={pinId}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(event) => {
                setPin(digitsOnly(event.target.value));
                setError(null);
              }}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${pinId}-error` : undefined}
            />
            <div className="message-slot">
              {errorText && (
                <p id={`${pinId}-error`} className="error" role="alert">
                  {errorText}
                </p>
              )}
            </div>
          </div>
          <PinPad pin={pin} onChange={setPin} text={text} />
        </div>
        <FormActions
          submit={text.unlock}
          busy={busy || staffId === null || pin.length === 0}
          back={text.cancel}
          onBack={onCancel}
        />
      </form>
    </section>
  );
}
