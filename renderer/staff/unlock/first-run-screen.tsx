import { useState, type FormEvent } from 'react';
import type { StaffSessionInfo } from '../../../shared/api/types';
import { translate, type Language, type MessageKey } from '../../../shared/messages';
import { firstAdminInput } from '../../../shared/validation/staff-schemas';
import type { ApiClient } from '../../api/client';
import { Field } from '../../field';
import { FormActions } from '../../form-actions';
import { ScreenHeading } from '../../screen-heading';
import { useStillMounted } from '../../use-still-mounted';
import { digitsOnly } from './pin-pad';
import { staffText } from '../texts';

interface Props {
  language: Language;
  client: ApiClient;
  onUnlocked: (session: StaffSessionInfo) => void;
  onCancel: () => void;
}

/** Shown only while no staff account exists at all; the core refuses it afterwards. */
export function FirstRunScreen({ language, client, onUnlocked, onCancel }: Props) {
  const text = staffText[language];
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'name' | 'pin' | 'repeat' | 'form', MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = firstAdminInput.safeParse({ name, pin });
    const found: typeof errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found[issue.path[0] as 'name' | 'pin'] ??= issue.message as MessageKey;
    }
    if (pin !== repeat) found.repeat = 'pin.mismatch';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await client.invoke('staff.createFirstAdmin', { name, pin });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) onUnlocked(result.value);
    else setErrors({ ...(result.error.fields as typeof errors), form: result.error.key });
  }

  const message = (key?: MessageKey) => (key ? translate(key, language) : undefined);
  return (
    <section className="screen first-run">
      <ScreenHeading>{text.firstRunTitle}</ScreenHeading>
      <p className="lead">{text.firstRunLead}</p>
      <form onSubmit={submit} autoComplete="off" noValidate>
        <Field label={text.name} value={name} onChange={setName} error={message(errors.name)} required />
        <div className="field-row">
          <Field
            label={text.newPin}
            type="password"
            inputMode="numeric"
            value={pin}
            onChange={(value) => setPin(digitsOnly(value))}
            error={message(errors.pin)}
            required
          />
          <Field
            label={text.repeatPin}
            type="password"
            inputMode="numeric"
            value={repeat}
            onChange={(value) => setRepeat(digitsOnly(value))}
            error={message(errors.repeat)}
            required
          />
        </div>
        {errors.form && (
          <p className="form-error" role="alert">
            {message(errors.form)}
          </p>
        )}
        <FormActions submit={text.create} busy={busy} back={text.cancel} onBack={onCancel} />
      </form>
    </section>
  );
}
