import { DateTime } from 'luxon';
import { useCallback, useId, useMemo, useState } from 'react';
import type { CameraSummary, FootageListStatus, FootageRow, JobRun } from '../../../shared/api/types';
import { translate } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import { describeRunReason } from '../../../shared/run-reasons';
import { DateTimeField } from '../../date-time-field';
import { ScreenHeading } from '../../screen-heading';
import { CameraHoldForm } from './camera-hold-form';
import { FileHoldForm } from './file-hold-form';
import { FootagePlayer } from './footage-player';
import { FootageTimelineView } from './footage-timeline';
import { footageBacklogText } from './footage-backlog-texts';
import { footagePageText } from './footage-page-texts';
import type { StaffTabProps } from '../kit/tab-props';
import { DataTable, type Column } from '../kit/data-table';
import { ErrorLine } from '../kit/error-line';
import { useAction } from '../kit/use-action';
import { useLoaded } from '../kit/use-loaded';
import { keepDatesWhole } from '../kit/whole-dates';
import './footage.css';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 500;

interface FootageCursor {
  recordedAt: number;
  id: number;
}

/** A date and time typed in the kiosk's zone (the field's "2026-11-25T10:00"), as an instant. */
const localTime = (value: string, zone: string) => {
  const parsed = value ? DateTime.fromISO(value, { zone }) : null;
  return parsed?.isValid ? parsed.toMillis() : undefined;
};
const megabytes = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.ceil(bytes / 1024)} kB`
    : bytes < 1024 ** 3
      ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
      : `${(bytes / 1024 ** 3).toFixed(2)} GB`;

const STATUS_OPTIONS = ['all', 'kept', 'held', 'deleted'] as const satisfies ('all' | FootageListStatus)[];
type StatusOption = (typeof STATUS_OPTIONS)[number];

/** Security's review of the footage index: per camera, and file by file with its deletion date. */
export function FootageTab({ client, language, text, timeZone }: StaffTabProps) {
  const [camera, setCamera] = useState('');
  const [status, setStatus] = useState<StatusOption>('all');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  // A scan that ran but failed or was blocked: said as plainly as a refused call.
  const [runProblem, setRunProblem] = useState<string | null>(null);
  // What a row was asked for is shown under that row: the player, or its own hold form.
  const [opened, setOpened] = useState<{ id: number; what: 'play' | 'hold' } | null>(null);
  const cameraId = useId();
  const statusId = useId();

  const loadOverview = useCallback(() => client.invoke('footage.overview', {}), [client]);
  const overview = useLoaded(loadOverview);
  const filter = useMemo(
    () => ({
      camera: camera || undefined,
      status: status === 'all' ? undefined : status,
      from: localTime(from, timeZone),
      to: localTime(to, timeZone),
    }),
    [camera, status, from, to, timeZone],
  );
  // The pages before this one, by the cursor each started after; a new filter starts at the newest.
  const [paging, setPaging] = useState<{ filter: typeof filter; cursors: FootageCursor[] }>({ filter, cursors: [] });
  const cursors = paging.filter === filter ? paging.cursors : [];
  const loadFiles = useCallback(
    () => client.invoke('footage.list', { ...filter, limit: PAGE_SIZE, before: cursors.at(-1) }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cursors change only with a page turn
    [client, filter, paging],
  );
  const files = useLoaded(loadFiles);
  const loadCount = useCallback(() => client.invoke('footage.count', filter), [client, filter]);
  const count = useLoaded(loadCount);
  const shown = files.value ?? [];
  const pageText = footagePageText[language];
  const firstShown = cursors.length * PAGE_SIZE + 1;
  const turnPage = (next: FootageCursor[]) => setPaging({ filter, cursors: next });
  const when = (epochMs: number) => formatDateTime(epochMs, timeZone, language);
  // Bumped when holds or files may have changed: the timeline loads its day again too.
  const [changes, setChanges] = useState(0);
  const { reload: reloadOverview } = overview;
  const { reload: reloadFiles } = files;
  const { reload: reloadCount } = count;
  const reloadAll = useCallback(() => {
    setChanges((current) => current + 1);
    return Promise.all([reloadOverview(), reloadFiles(), reloadCount()]);
  }, [reloadOverview, reloadFiles, reloadCount]);

  const scan = useAction(
    language,
    useCallback(async () => {
      await reloadAll();
    }, [reloadAll]),
  );

  async function scanNow() {
    const result = await scan.run(() => client.invoke('footage.scan', {}));
    if (!result) return;
    const outcome = result.ok ? result.value.outcome : null;
    setRunProblem(result.ok && (outcome === 'failed' || outcome === 'blocked') ? outcomeOf(result.value) : null);
  }

  const rowPanel = (row: FootageRow) => {
    if (opened?.id !== row.id) return null;
    return opened.what === 'play' ? (
      <FootagePlayer
        client={client}
        language={language}
        text={text}
        timeZone={timeZone}
        cameraName={row.cameraName}
        playlist={[{ id: row.id, start: row.recordedAt }]}
        startIndex={0}
        onClose={() => setOpened(null)}
      />
    ) : (
      <FileHoldForm
        client={client}
        language={language}
        text={text}
        timeZone={timeZone}
        path={row.path}
        onCancel={() => setOpened(null)}
        onPlaced={() => {
          setOpened(null);
          void reloadAll();
        }}
      />
    );
  };

  const deletion = (row: FootageRow) => {
    if (row.deletedAt !== null) return text.deletedOn(when(row.deletedAt));
    if (row.held) return text.heldLabel;
    if (row.future) return text.futureLabel;
    if (row.deleteBy === null) return translate('field.invalid', language);
    const now = overview.value?.now ?? row.deleteBy;
    return text.deletesOn(when(row.deleteBy), Math.max(0, Math.ceil((row.deleteBy - now) / DAY_MS)));
  };

  /** The run's outcome and its reason, both in the viewer's language. */
  const outcomeOf = (run: JobRun) =>
    `${text.outcomes[run.outcome ?? 'running'] ?? ''}${run.reason ? `: ${describeRunReason(run.reason, language)}` : ''}`;

  const cameraColumns: Column<CameraSummary>[] = [
    {
      key: 'camera',
      header: text.cameraColumns.camera,
      rowHeader: true,
      cell: (summary) => <span title={summary.camera}>{summary.cameraName}</span>,
    },
    {
      key: 'files',
      header: text.cameraColumns.files,
      cell: (summary) => (
        <>
          {summary.files}
          {summary.mtimeFiles > 0 && (
            <span className="note-inline"> ({pageText.mtimeFiles(summary.mtimeFiles, text.mtimeLabel)})</span>
          )}
        </>
      ),
    },
    { key: 'bytes', header: text.cameraColumns.bytes, cell: (summary) => megabytes(summary.bytes), nowrap: true },
    {
      key: 'oldest',
      header: text.cameraColumns.oldest,
      cell: (summary) => (summary.oldestRecording !== null ? keepDatesWhole(when(summary.oldestRecording)) : ''),
    },
    {
      key: 'next',
      header: text.cameraColumns.next,
      cell: (summary) => (summary.nextDeletion !== null ? keepDatesWhole(when(summary.nextDeletion)) : ''),
    },
  ];

  const fileColumns: Column<FootageRow>[] = [
    {
      key: 'recorded',
      header: text.footageColumns.recorded,
      rowHeader: true,
      cell: (row) => (
        <span title={row.path}>
          {keepDatesWhole(when(row.recordedAt))}
          {row.timeSource === 'mtime' && <span className="note-inline"> ({text.mtimeLabel})</span>}
          {row.claimedRecordedAt !== null && (
            <span className="note-inline"> ({text.claimedLabel(when(row.claimedRecordedAt))})</span>
          )}
        </span>
      ),
    },
    {
      key: 'camera',
      header: text.footageColumns.camera,
      cell: (row) => <span title={row.camera}>{row.cameraName}</span>,
    },
    { key: 'size', header: text.footageColumns.size, cell: (row) => megabytes(row.size), nowrap: true },
    { key: 'deletion', header: text.footageColumns.deletion, cell: (row) => keepDatesWhole(deletion(row)) },
    {
      key: 'action',
      header: text.footageColumns.action,
      noPrint: true,
      cell: (row) => (
        <span className="row-actions">
          {row.status === 'kept' && (
            <button
              type="button"
              className="secondary small"
              aria-label={text.playFile(row.path)}
              aria-expanded={opened?.id === row.id && opened.what === 'play'}
              onClick={() => setOpened({ id: row.id, what: 'play' })}
            >
              {text.play}
            </button>
          )}
          {row.status === 'kept' && !row.held && (
            <button
              type="button"
              className="secondary small"
              aria-label={text.holdFile(row.path)}
              aria-expanded={opened?.id === row.id && opened.what === 'hold'}
              onClick={() => setOpened({ id: row.id, what: 'hold' })}
            >
              {text.holdShort}
            </button>
          )}
        </span>
      ),
    },
  ];

  const info = overview.value;
  return (
    <>
      <ScreenHeading>{text.footageTitle}</ScreenHeading>
      {info && !info.rootConfigured && <p className="lead">{text.noFootageRoot}</p>}
      {info?.lastScan && <p>{text.lastScan(when(info.lastScan.startedAt), outcomeOf(info.lastScan))}</p>}
      {info?.lastPurge && <p>{text.lastPurge(when(info.lastPurge.startedAt), outcomeOf(info.lastPurge))}</p>}
      {info?.lastPurge?.reason?.key === 'run.footageTooManyAtOnce' && (
        <p className="lead">{footageBacklogText[language].waitsForAdmin}</p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={scan.busy || !info?.rootConfigured}
          aria-busy={scan.busy}
          onClick={() => void scanNow()}
        >
          {text.scanNow}
        </button>
      </div>
      <ErrorLine message={scan.message ?? runProblem ?? (files.error ? translate(files.error.key, language) : null)} />
      {info && info.cameras.length > 0 && (
        <DataTable
          caption={text.cameraColumns.camera}
          showCaption
          className="footage-cameras"
          columns={cameraColumns}
          rows={info.cameras}
          rowKey={(summary) => summary.camera}
        />
      )}
      {info && info.cameras.length > 0 && (
        <FootageTimelineView
          client={client}
          language={language}
          text={text}
          timeZone={timeZone}
          cameras={info.cameras}
          now={info.now}
          changes={changes}
          onHeld={() => void reloadAll()}
        />
      )}
      {info && info.cameras.length > 0 && (
        <CameraHoldForm
          client={client}
          language={language}
          text={text}
          timeZone={timeZone}
          cameras={info.cameras}
          onPlaced={reloadAll}
        />
      )}
      <div className="field-row filters">
        <div className="field">
          <label htmlFor={cameraId}>{text.cameraColumns.camera}</label>
          <select id={cameraId} value={camera} onChange={(event) => setCamera(event.target.value)}>
            <option value="">{text.allCameras}</option>
            {(info?.cameras ?? []).map((summary) => (
              <option key={summary.camera} value={summary.camera}>
                {summary.cameraName}
              </option>
            ))}
          </select>
          <div className="message-slot" />
        </div>
        <div className="field">
          <label htmlFor={statusId}>{text.statusFilter}</label>
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as StatusOption)}>
            {STATUS_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {text.statuses[option]}
              </option>
            ))}
          </select>
          <div className="message-slot" />
        </div>
        <DateTimeField label={pageText.fromTime} language={language} withTime value={from} onChange={setFrom} />
        <DateTimeField label={pageText.toTime} language={language} withTime value={to} onChange={setTo} />
      </div>
      {count.value && (
        <nav className="actions pages" aria-label={text.footageTitle}>
          <p aria-live="polite">
            {shown.length > 0
              ? pageText.position(firstShown, firstShown + shown.length - 1, count.value.total)
              : pageText.none(count.value.total)}
          </p>
          <button
            type="button"
            className="secondary small"
            disabled={cursors.length === 0}
            onClick={() => turnPage(cursors.slice(0, -1))}
          >
            {pageText.newer}
          </button>
          <button
            type="button"
            className="secondary small"
            disabled={shown.length < PAGE_SIZE}
            onClick={() => {
              const last = shown.at(-1)!;
              turnPage([...cursors, { recordedAt: last.recordedAt, id: last.id }]);
            }}
          >
            {pageText.older}
          </button>
        </nav>
      )}
      {shown.length === 0 && files.value && <p>{text.noFootage}</p>}
      {shown.length > 0 && (
        <DataTable
          caption={text.footageTitle}
          className="footage-files"
          columns={fileColumns}
          rows={shown}
          rowKey={(row) => row.id}
          rowClassName={(row) => (row.status === 'kept' ? undefined : 'muted')}
          rowPanel={rowPanel}
        />
      )}
    </>
  );
}
