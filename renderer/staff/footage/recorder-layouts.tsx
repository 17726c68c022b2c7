import { useState } from 'react';
import type { RecorderInspection } from '../../../shared/api/footage-recorders';
import { translate, type Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import type { ApiClient } from '../../api/client';
import { ErrorLine } from '../kit/error-line';
import { recorderText } from './recorder-texts';
import './recorder-layouts.css';

interface Props {
  client: ApiClient;
  language: Language;
  timeZone: string;
}

/** The admin's check of what the recorder layouts read from the footage root (as `footage inspect`). */
export function RecorderLayouts({ client, language, timeZone }: Props) {
  const text = recorderText[language];
  const [inspection, setInspection] = useState<RecorderInspection | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setBusy(true);
    const result = await client.invoke('recorders.inspect', {});
    setBusy(false);
    setError(result.ok ? null : translate(result.error.key, language));
    setInspection(result.ok ? result.value : null);
  }

  return (
    <section className="recorder-layouts" aria-labelledby="recorder-layouts-title">
      <h2 id="recorder-layouts-title">{text.title}</h2>
      <p className="lead">{text.lead}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void check()}>
        {busy ? text.checking : text.check}
      </button>
      <ErrorLine message={error} />
      {inspection && (
        <>
          <p>{text.summary(inspection.recorder, inspection.files, inspection.mtimeFiles, inspection.truncated)}</p>
          <table className="visits">
            <caption className="visually-hidden">{text.title}</caption>
            <thead>
              <tr>
                <th scope="col">{text.columns.folders}</th>
                <th scope="col">{text.columns.layout}</th>
                <th scope="col">{text.columns.files}</th>
                <th scope="col">{text.columns.mtime}</th>
                <th scope="col">{text.columns.samples}</th>
              </tr>
            </thead>
            <tbody>
              {inspection.layouts.map((report) => (
                <tr key={`${report.folderPattern}\n${report.layout}`}>
                  <th scope="row">{report.folderPattern || '/'}</th>
                  <td>
                    {report.layout === null ? text.nothingMatched : (report.title ?? report.layout)}
                    {report.noTimeInPath && <span className="note-inline"> ({text.noTimeInPath})</span>}
                  </td>
                  <td>{report.files}</td>
                  <td>{report.mtimeFiles}</td>
                  <td>
                    <ul className="plain">
                      {report.samples.map((sample) => (
                        <li key={sample.path}>
                          <code>{sample.path}</code>: {sample.cameraName},{' '}
                          {formatDateTime(sample.recordedAt, timeZone, language)}
                          {sample.timeSource === 'mtime' && ` (${text.mtimeMark})`}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
