import { useState } from 'react';
import type { RecorderInspection } from '../../../shared/api/footage-recorders';
import type { Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import type { ApiClient } from '../../api/client';
import { breakable } from '../kit/breakable-text';
import { DataTable, type Column } from '../kit/data-table';
import { ErrorLine } from '../kit/error-line';
import { useAction } from '../kit/use-action';
import { keepDatesWhole } from '../kit/whole-dates';
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
  const action = useAction(language);

  async function check() {
    const result = await action.run(() => client.invoke('recorders.inspect', {}));
    if (result) setInspection(result.ok ? result.value : null);
  }

  type Report = RecorderInspection['layouts'][number];
  const columns: Column<Report>[] = [
    { key: 'folders', header: text.columns.folders, rowHeader: true, cell: (report) => report.folderPattern || '/' },
    {
      key: 'layout',
      header: text.columns.layout,
      cell: (report) => (
        <>
          {report.layout === null ? text.nothingMatched : (report.title ?? report.layout)}
          {report.noTimeInPath && <span className="note-inline"> ({text.noTimeInPath})</span>}
        </>
      ),
    },
    { key: 'files', header: text.columns.files, cell: (report) => report.files, nowrap: true },
    { key: 'mtime', header: text.columns.mtime, cell: (report) => report.mtimeFiles, nowrap: true },
    {
      key: 'samples',
      header: text.columns.samples,
      cell: (report) => (
        <ul className="plain">
          {report.samples.map((sample) => (
            <li key={sample.path}>
              <code>{breakable(sample.path)}</code>: {sample.cameraName},{' '}
              {keepDatesWhole(formatDateTime(sample.recordedAt, timeZone, language))}
              {sample.timeSource === 'mtime' && ` (${text.mtimeMark})`}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <section className="recorder-layouts" aria-labelledby="recorder-layouts-title">
      <h2 id="recorder-layouts-title">{text.title}</h2>
      <p className="lead">{text.lead}</p>
      <button
        type="button"
        className="secondary"
        disabled={action.busy}
        aria-busy={action.busy}
        onClick={() => void check()}
      >
        {action.busy ? text.checking : text.check}
      </button>
      <ErrorLine message={action.message} />
      {inspection && (
        <>
          <p>{text.summary(inspection.recorder, inspection.files, inspection.mtimeFiles, inspection.truncated)}</p>
          <DataTable
            caption={text.title}
            className="recorder-layout-table"
            columns={columns}
            rows={inspection.layouts}
            rowKey={(report) => `${report.folderPattern}\n${report.layout}`}
          />
        </>
      )}
    </section>
  );
}
