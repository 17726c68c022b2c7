import { useState } from 'react';
import type { NoticeFacts } from '../../../shared/api/types';
import { uiText } from '../../i18n';
import { SignInFormScreen } from '../../screens/sign-in-form';
import type { StaffTabProps } from '../kit/tab-props';

interface Props extends Omit<StaffTabProps, 'timeZone'> {
  facts: NoticeFacts;
  onDone: () => void;
}

/** A visitor registered by hand, with the kiosk's own form; a fresh form after each one. */
export function RegisterTab({ client, language, text, facts, onDone }: Props) {
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <div className="register">
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      <SignInFormScreen
        key={formKey}
        text={uiText[language]}
        language={language}
        client={client}
        facts={facts}
        channel="visits.register"
        title={text.registerTitle}
        onSignedIn={(receipt) => {
          setDone(text.registerDone(receipt.firstName, receipt.signOutCode));
          setFormKey((key) => key + 1);
        }}
        onBack={onDone}
      />
    </div>
  );
}
