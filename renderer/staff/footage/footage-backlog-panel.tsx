import { useCallback, useState } from 'react';
import { translate, type Language } from '../../../shared/messages';
import { describeRunReason } from '../../../shared/run-reasons';
import { formatDateTime } from '../../../shared/date-format';
import type { ApiClient } from '../../api/client';
import type { FootageBacklogCamera } from '../../../shared/api/footage-backlog';
import { ErrorLine } from '../kit/error-line';
import { DataTable } from '../kit/data-table';
import { footageBacklogText } from './footage-backlog-texts';
import { useLoaded } from '../kit/use-loaded';

interface Props {
  client: ApiClient;
  language: Language;
  timeZone: string;
  /** After a confirmed deletion ran: the runs list changed. */
  onDone: () => void;
}

/** A footage purge held back as too large: what it would delete, per camera, and the admin's go-ahead. */
export function FootageBacklogPanel({ client, language, timeZone, onDone }: Props) {
  const text = footageBacklogText[language];
  const load = useCallback((background: boolean) => client.invoke('footage.backlog', {}, { background }), [client]);
  const { value: backlog, reload } = useLoaded(load, 10_000);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const when = (epochMs: number | null) => (epochMs === null ? '' : formatDateTime(epochMs, timeZone, language));

  async function confirm(files: number) {
    setBusy(true);
    const result = await client.invoke('footage.confirmDeletion', { files });
    setBusy(false);
    setAsking(false);
    // Confirmed, but the run may still have been held back (the share went away, the clock guard).
    const ran = result.ok && result.value.outcome === 'ok';
    setError(
      !result.ok
        ? translate(result.error.key, language)
        : !ran && result.value.reason
          ? describeRunReason(result.value.reason, language)
          : null,
    );
    setDone(ran ? text.done(result.value.counts.deleted ?? 0) : null);
    await reload();
    onDone();
  }

  if (!backlog) return done ? <p role="status">{done}</p> : null;
  return (
    <section className="alert" role="alert" aria-labelledby="footage-backlog-title">
      <h2 id="footage-backlog-title">{text.title}</h2>
      <p>{text.lead(backlog.files, backlog.liveFiles)}</p>
      <DataTable<FootageBacklogCamera>
        caption={text.caption}
        showCaption
        columns={[
          { key: 'camera', header: text.columns.camera, cell: (camera) => camera.camera, rowHeader: true },
          { key: 'files', header: text.columns.files, cell: (camera) => camera.files, nowrap: true },
          { key: 'oldest', header: text.columns.oldest, cell: (camera) => when(camera.oldestRecording) },
          { key: 'newest', header: text.columns.newest, cell: (camera) => when(camera.newestRecording) },
        ]}
        rows={backlog.cameras}
        rowKey={(camera) => camera.camera}
      />
      {asking ? (
        <>
          <p>{text.question(backlog.files)}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={busy} onClick={() => confirm(backlog.files)}>
              {text.confirm(backlog.files)}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setAsking(false)}>
              {text.cancel}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => setAsking(true)}>
            {text.review}
          </button>
        </div>
      )}
      <ErrorLine message={error} />
    </section>
  );
}
