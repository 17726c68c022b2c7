import { useEffect, useRef, useState, type FormEvent } from 'react';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import type { NoticeFacts, SignInReceipt } from '../../shared/api/types';
import { signInInput } from '../../shared/validation/visit-schemas';
import type { ApiClient } from '../api/client';
import { enterMovesOn } from '../enter-moves-on';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import type { UiText } from '../i18n';
import { ScreenHeading } from '../screen-heading';
import { useStillMounted } from '../use-still-mounted';

type FieldName = 'firstName' | 'lastName' | 'company' | 'plate';
type Errors = Partial<Record<FieldName, MessageKey>>;

interface Props {
  text: UiText;
  language: Language;
  client: ApiClient;
  facts: NoticeFacts;
  onSignedIn: (receipt: SignInReceipt) => void;
  onBack: () => void;
  /** The notice changed since it was read (settings saved meanwhile): the visitor is shown it again. */
  onNoticeChanged?: () => void;
  /** The reception desk registers a visitor by hand through the same form and validation. */
  channel?: 'visits.signIn' | 'visits.register';
  title?: string;
}

/** One field's verdict from the same schema the router applies. */
function checkField(field: FieldName, value: string): MessageKey | undefined {
  // The API takes a visit without a plate; a ticked "I came by car" without one is a slip, not a choice.
  if (field === 'plate' && value.trim() === '') return 'plate.required';
  const result = signInInput.shape[field].safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message as MessageKey);
}

export function SignInFormScreen({
  text,
  language,
  client,
  facts,
  onSignedIn,
  onBack,
  onNoticeChanged,
  channel = 'visits.signIn',
  title = text.formTitle,
}: Props) {
  const [values, setValues] = useState<Record<FieldName, string>>({
    firstName: '',
    lastName: '',
    company: '',
    plate: '',
  });
  const [cameByCar, setCameByCar] = useState(false);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const stillMounted = useStillMounted();

  const fields: FieldName[] = cameByCar
    ? ['firstName', 'lastName', 'company', 'plate']
    : ['firstName', 'lastName', 'company'];
  const errors: Errors = {};
  for (const field of fields) {
    errors[field] = serverErrors[field] ?? (touched[field] ? checkField(field, values[field]) : undefined);
  }

  const platePreview = (() => {
    if (!cameByCar || values.plate.trim() === '') return undefined;
    const parsed = signInInput.shape.plate.safeParse(values.plate);
    if (!parsed.success || !parsed.data) return undefined;
    const plate = parsed.data;
    return text.platePreview(plate.kind === 'nl' ? plate.display : `${plate.display} (${text.foreignPlate})`);
  })();

  const update = (field: FieldName) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setServerErrors((current) => ({ ...current, [field]: undefined }));
    setFormError(null);
  };
  /** What every field of this form shares: its value, its change and blur handlers, its message. */
  const bind = (field: FieldName) => ({
    value: values[field],
    onChange: update(field),
    onBlur: () => setTouched((current) => ({ ...current, [field]: true })),
    error: errors[field] ? translate(errors[field], language) : undefined,
  });

  // After a refused submit the first field to mend has the focus, so a screen reader starts there.
  const formRef = useRef<HTMLFormElement>(null);
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ firstName: true, lastName: true, company: true, plate: true });
    if (fields.some((field) => checkField(field, values[field]))) {
      setFormError('validation.failed');
      setRefusals((count) => count + 1);
      return;
    }
    setBusy(true);
    const result = await client.invoke(channel, {
      firstName: values.firstName,
      lastName: values.lastName,
      company: values.company,
      plate: cameByCar ? values.plate : undefined,
      noticeVersion: facts.version,
    });
    if (!stillMounted()) return;
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.value);
      return;
    }
    if (result.error.key === 'notice.outdated' && onNoticeChanged) {
      onNoticeChanged();
      return;
    }
    setServerErrors((result.error.fields ?? {}) as Errors);
    setFormError(result.error.key);
    setRefusals((count) => count + 1);
  }

  return (
    <section className="screen form">
      <ScreenHeading>{title}</ScreenHeading>
      <form ref={formRef} onSubmit={submit} onKeyDown={enterMovesOn} noValidate autoComplete="off">
        <div className="field-row">
          <Field label={text.firstName} {...bind('firstName')} autoCapitalize="words" required />
          <Field label={text.lastName} {...bind('lastName')} autoCapitalize="words" required />
        </div>
        <div className="field-row">
          <Field label={text.company} {...bind('company')} />
          <div className="car">
            <label className="check">
              <input type="checkbox" checked={cameByCar} onChange={(event) => setCameByCar(event.target.checked)} />
              <span>{text.cameByCar}</span>
            </label>
            {cameByCar && (
              <Field
                label={text.plate}
                {...bind('plate')}
                note={platePreview}
                announcesNote
                autoCapitalize="characters"
                className="plate-input"
              />
            )}
          </div>
        </div>
        {formError && (
          <p className="form-error" role="alert">
            {translate(formError, language)}
          </p>
        )}
        <FormActions submit={busy ? text.signingIn : text.submitSignIn} busy={busy} back={text.back} onBack={onBack} />
      </form>
    </section>
  );
}
