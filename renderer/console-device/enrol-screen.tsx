import { useState, type FormEvent } from 'react';
import { translate, type Language } from '../../shared/messages';
import type { ApiError } from '../../shared/result';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { ScreenHeading } from '../screen-heading';
import { consoleText } from './console-texts';

/** The console's first page on a browser that is not (or no longer) an enrolled device. */
export function EnrolScreen({
  client,
  language,
  onEnrolled,
}: {
  client: ApiClient;
  language: Language;
  onEnrolled: () => void;
}) {
  const text = consoleText[language];
  const [code, setCode] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await client.invoke('devices.enroll', { code });
    setBusy(false);
    if (result.ok) onEnrolled();
    else setError(result.error);
  }

  return (
    <section className="screen enrol">
      <ScreenHeading>{text.enrolTitle}</ScreenHeading>
      <p className="lead">{text.enrolLead}</p>
      <form onSubmit={submit} autoComplete="off" noValidate>
        <Field
          label={text.code}
          value={code}
          onChange={(value) => {
            setCode(value.toUpperCase());
            setError(null);
          }}
          error={error ? translate(error.key, language, error.params) : undefined}
          autoCapitalize="characters"
          maxLength={20}
          required
        />
        <div className="actions">
          <button type="submit" className="primary big" disabled={busy || code.trim() === ''}>
            {text.enrol}
          </button>
        </div>
      </form>
      <p className="hint">{text.fingerprintHint}</p>
    </section>
  );
}
