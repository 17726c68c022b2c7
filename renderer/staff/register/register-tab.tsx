import { useState } from 'react';
import { uiText } from '../../i18n';
import { SignInFormScreen } from '../../screens/sign-in-form';
import type { StaffTabProps } from '../kit/tab-props';

/** A visitor registered by hand, with the kiosk's own form; a fresh form after each one. */
export function RegisterTab({ client, language, text, facts, goHome }: StaffTabProps) {
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
        onBack={goHome}
      />
    </div>
  );
}
