import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import type { Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import type { ApiClient } from '../../api/client';
import { DateTimeField } from '../../date-time-field';
import { HoldTermsForm, type HoldErrors } from '../holds/hold-terms-form';
import type { StaffText } from '../texts';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  /** Each camera's id (what the hold records) and the name people know it by. */
  cameras: { camera: string; cameraName: string }[];
  onPlaced: () => Promise<unknown>;
}

/** A `datetime-local` value as a moment in the kiosk's zone, whatever zone the browser is in. */
function millisInZone(value: string, zone: string): number | null {
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed.toMillis() : null;
}

/** A legal hold on what one camera recorded over a time range. */
export function CameraHoldForm({ client, language, text, timeZone, cameras, onPlaced }: Props) {
  const [camera, setCamera] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [placed, setPlaced] = useState<string | null>(null);
  const headingId = useId();
  const cameraId = useId();
  const start = millisInZone(from, timeZone);
  const end = millisInZone(to, timeZone);

  const check = ({ reason, basis }: { reason: string; basis: string }): HoldErrors | undefined => {
    setPlaced(null);
    const problems: HoldErrors = {
      camera: camera ? undefined : 'hold.cameraRequired',
      from: start === null ? 'hold.dateTimeRequired' : undefined,
      to: end === null ? 'hold.dateTimeRequired' : undefined,
      reason: reason.trim() ? undefined : 'hold.reasonRequired',
      basis: basis ? undefined : 'hold.basisRequired',
    };
    if (start !== null && end !== null && end <= start) problems.to = 'hold.rangeEndNotAfterStart';
    return Object.values(problems).some(Boolean) ? problems : undefined;
  };

  return (
    <HoldTermsForm
      text={text}
      language={language}
      timeZone={timeZone}
      className="panel"
      labelledBy={headingId}
      labels={{ reason: text.holdReason, until: text.rangeHoldUntil, submit: text.place }}
      check={check}
      target={(message) => (
        <>
          <div className="field-row keep-columns">
            <div className={`field ${message('camera') ? 'has-error' : ''}`}>
              <label htmlFor={cameraId}>{text.cameraColumns.camera}</label>
              <select
                id={cameraId}
                value={camera}
                onChange={(event) => setCamera(event.target.value)}
                required
                aria-required
                aria-invalid={Boolean(message('camera'))}
                aria-describedby={message('camera') ? `${cameraId}-error` : undefined}
              >
                <option value="">{text.chooseCamera}</option>
                {cameras.map((option) => (
                  <option key={option.camera} value={option.camera}>
                    {option.cameraName}
                  </option>
                ))}
              </select>
              <div className="message-slot">
                {message('camera') && (
                  <p id={`${cameraId}-error`} className="error" role="alert">
                    {message('camera')}
                  </p>
                )}
              </div>
            </div>
          </div>
          <div className="field-row">
            <DateTimeField
              label={text.rangeFrom}
              withTime
              language={language}
              value={from}
              onChange={setFrom}
              error={message('from')}
              required
            />
            <DateTimeField
              label={text.rangeTo}
              withTime
              language={language}
              value={to}
              onChange={setTo}
              error={message('to')}
              required
            />
          </div>
        </>
      )}
      place={(terms) => client.invoke('holds.placeOnFootage', { camera, from: start ?? 0, to: end ?? 0, ...terms })}
      onPlaced={async () => {
        setPlaced(
          text.rangeHoldPlaced(
            camera,
            formatDateTime(start ?? 0, timeZone, language),
            formatDateTime(end ?? 0, timeZone, language),
          ),
        );
        setCamera('');
        setFrom('');
        setTo('');
        await onPlaced();
      }}
      footer={
        placed && (
          <p className="success" role="status">
            {placed}
          </p>
        )
      }
    >
      <h2 id={headingId}>{text.rangeHoldTitle}</h2>
      <p>{text.rangeHoldLead}</p>
    </HoldTermsForm>
  );
}
