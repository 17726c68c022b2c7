import type { TestMailOutcome } from '../../../shared/api/settings';
import type { KioskConfig } from '../../../shared/config';
import { smtpSender } from '../health/alert-mail';

/** nodemailer's error as the admin needs it: at which step, in the server's own words. */
function describeMailError(error: unknown): { stage: string; serverMessage: string } {
  const mailError = error as { code?: string; command?: string; response?: string; message?: string };
  const stage =
    mailError.code === 'EAUTH'
      ? 'login'
      : mailError.code === 'ETLS' || /tls|ssl|certificate/i.test(mailError.message ?? '')
        ? 'tls'
        : mailError.command === 'RCPT TO' || mailError.code === 'EENVELOPE'
          ? 'recipient'
          : mailError.code === 'ECONNECTION' || mailError.code === 'ESOCKET' || mailError.code === 'ETIMEDOUT'
            ? 'connection'
            : 'send';
  return { stage, serverMessage: mailError.response ?? mailError.message ?? String(error) };
}

/** A test mail through alerts.email to its recipients; never throws. */
export async function sendTestMail(config: KioskConfig): Promise<TestMailOutcome> {
  const email = config.alerts.email;
  if (!email) return { sent: false, reason: 'notConfigured' };
  try {
    await smtpSender(email)({
      subject: `${config.organisation.name} kiosk: testmail / test mail`,
      text: 'Deze testmail laat zien dat de kiosk alarmen kan mailen.\n\nThis test mail shows the kiosk can mail its alarms.\n',
    });
    return { sent: true, to: email.to };
  } catch (error) {
    return { sent: false, reason: 'failed', ...describeMailError(error) };
  }
}
