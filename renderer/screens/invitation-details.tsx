import { useState, type FormEvent } from 'react';
import type { InvitationDetails } from '../../shared/api/invitations';
import { translate, type Language, type MessageKey } from '../../shared/messages';
import { signInInput } from '../../shared/validation/visit-schemas';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import type { UiText } from '../i18n';
import type { InvitationText } from '../invitation-texts';
import { ScreenHeading } from '../screen-heading';

type FieldName = 'firstName' | 'lastName' | 'company' | 'plate';
export type DetailValues = Record<FieldName, string>;

function checkField(field: FieldName, value: string): MessageKey | undefined {
  const result = signInInput.shape[field].safeParse(value);
  return result.success ? undefined : (result.error.issues[0]?.message as MessageKey);
}

interface Props {
  text: UiText;
  invitation: InvitationText;
  language: Language;
  details: InvitationDetails;
  onConfirm: (values: DetailValues) => void;
  onBack: () => void;
}

/** The visitor's own details from the invitation (nobody else's), to confirm or correct. */
export function InvitationDetailsScreen({ text, invitation, language, details, onConfirm, onBack }: Props) {
  const [values, setValues] = useState<DetailValues>({
    firstName: details.firstName,
    lastName: details.lastName,
    company: details.company ?? '',
    plate: details.plate ?? '',
  });
  const errors = Object.fromEntries(
    (Object.keys(values) as FieldName[]).map((field) => [field, checkField(field, values[field])]),
  ) as Partial<Record<FieldName, MessageKey>>;
  const bind = (field: FieldName) => ({
    value: values[field],
    onChange: (value: string) => setValues((current) => ({ ...current, [field]: value })),
    error: errors[field] ? translate(errors[field], language) : undefined,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (Object.values(errors).some(Boolean)) return;
    onConfirm(values);
  }

  return (
    <section className="screen form invitation-details">
      <ScreenHeading>{invitation.detailsTitle}</ScreenHeading>
      <p className="lead">
        {invitation.detailsLead} {details.hostName ? invitation.visiting(details.hostName) : ''}
      </p>
      <form onSubmit={submit} noValidate autoComplete="off">
        <div className="field-row">
          <Field label={text.firstName} {...bind('firstName')} autoCapitalize="words" required />
          <Field label={text.lastName} {...bind('lastName')} autoCapitalize="words" required />
        </div>
        <div className="field-row">
          <Field label={text.company} {...bind('company')} />
          <Field label={text.plate} {...bind('plate')} autoCapitalize="characters" className="plate-input" />
        </div>
        <FormActions submit={invitation.correct} busy={false} back={text.back} onBack={onBack} />
      </form>
    </section>
  );
}
