import { useEffect, useId, useState, type FormEvent } from 'react';
import type { StaffSessionInfo } from '../../../shared/api/types';
import { translate, type Language } from '../../../shared/messages';
import type { ApiError } from '../../../shared/result';
import type { ApiClient } from '../../api/client';
import { Field } from '../../field';
import { FormActions } from '../../form-actions';
import { ScreenHeading } from '../../screen-heading';
import { useStillMounted } from '../../use-still-mounted';
import { FirstRunScreen } from './first-run-screen';
import { digitsOnly, PinPad } from './pin-pad';
import { staffText } from '../texts';
import './unlock-screen.css';

interface Props {
  language: Language;
  client: ApiClient;
  onUnlocked: (session: StaffSessionInfo) => void;
  onCancel: () => void;
}

// Staff unlock with their personal staff number, not by picking a name: the unlock screen is the
// visitors' screen too, and a list of names would tell anyone there who works here.
const STAFF_NUMBER_DIGITS = 6;

export function StaffUnlockScreen({ language, client, onUnlocked, onCancel }: Props) {
  const text = staffText[language];
  const [needsFirstAdmin, setNeedsFirstAdmin] = useState(false);
  const [staffNumber, setStaffNumber] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();
  const pinId = useId();

  useEffect(() => {
    void (async () => {
      const status = await client.invoke('staff.setupStatus', {});
      if (!stillMounted()) return;
      setNeedsFirstAdmin(status.ok && status.value.needsFirstAdmin);
    })();
  }, [client, stillMounted]);

  if (needsFirstAdmin)
    return <FirstRunScreen language={language} client={client} onUnlocked={onUnlocked} onCancel={onCancel} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const staffId = Number(staffNumber);
    if (!(staffId > 0)) return;
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
        <Field
          label={text.staffNumber}
          note={text.staffNumberHint}
          announcesNote
          value={staffNumber}
          onChange={(value) => {
            setStaffNumber(digitsOnly(value).slice(0, STAFF_NUMBER_DIGITS));
            setError(null);
          }}
          inputMode="numeric"
          className="staff-number"
          required
        />
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
          busy={busy || !(Number(staffNumber) > 0) || pin.length === 0}
          back={text.cancel}
          onBack={onCancel}
        />
      </form>
    </section>
  );
}
