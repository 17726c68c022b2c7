import { DateTime } from 'luxon';
import { useCallback, useId, useMemo, useState, type CSSProperties, type MouseEvent } from 'react';
import type { CameraSummary } from '../../../shared/api/types';
import { gapsOf, runsOf, segmentAt } from '../../../shared/footage-timeline';
import { translate, type Language } from '../../../shared/messages';
import { formatDateTime } from '../../../shared/date-format';
import { formatLocalDate } from '../../../shared/time';
import type { ApiClient } from '../../api/client';
import { DateTimeField } from '../../date-time-field';
import { Field } from '../../field';
import { ErrorLine } from '../kit/error-line';
import { FileHoldForm } from './file-hold-form';
import { FootagePlayer } from './footage-player';
import { footageTimelineText } from './footage-timeline-texts';
import type { StaffText } from '../texts';
import { useLoaded } from '../kit/use-loaded';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  cameras: CameraSummary[];
  /** The core's now: the timeline opens on that local day. */
  now: number;
  /** Changes when holds or files may have changed elsewhere in the view: the day is loaded again. */
  changes: number;
  onHeld: () => void;
}

/** A camera's day as bars over 24 hours: gaps are blank, held files and hold periods marked. */
export function FootageTimelineView({ client, language, text, timeZone, cameras, now, changes, onHeld }: Props) {
  const own = footageTimelineText[language];
  const [camera, setCamera] = useState(cameras[0]?.camera ?? '');
  const [date, setDate] = useState(() => formatLocalDate(now, timeZone));
  const [moment, setMoment] = useState('');
  const [playing, setPlaying] = useState<{ index: number; at: number; note: string | null } | null>(null);
  const [holding, setHolding] = useState<{ id: number; path: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cameraId = useId();

  const load = useCallback(
    () => client.invoke('footage.timeline', { camera, date }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `changes` is the reason to load again
    [client, camera, date, changes],
  );
  const timeline = useLoaded(load);
  const day = timeline.value?.camera === camera ? timeline.value : null;
  const segments = useMemo(() => day?.segments ?? [], [day]);
  const runs = useMemo(() => runsOf(segments), [segments]);
  const playlist = useMemo(() => segments.map(([id, start]) => ({ id, start })), [segments]);
  const span = day ? day.dayEnd - day.dayStart : 1;
  const place = (at: number, length = 0): CSSProperties =>
    day
      ? ({
          '--at': Math.max(0, (at - day.dayStart) / span),
          '--span': Math.min(1, length / span),
        } as CSSProperties)
      : {};
  const ticks = useMemo(() => {
    if (!day) return [];
    const midnight = DateTime.fromMillis(day.dayStart, { zone: timeZone });
    return [0, 3, 6, 9, 12, 15, 18, 21].map((hour) => midnight.plus({ hours: hour }));
  }, [day, timeZone]);

  function playFrom(at: number) {
    setError(null);
    setHolding(null);
    setNotice(null);
    const index = segmentAt(segments, at);
    if (index < 0) return setError(own.nothingAfter);
    const found = segments[index]!;
    setMoment(DateTime.fromMillis(Math.max(at, found[1]), { zone: timeZone }).toFormat('HH:mm:ss'));
    setPlaying({
      index,
      at: Math.max(at, found[1]),
      note: found[1] > at ? own.fromNext(formatDateTime(found[1], timeZone, language)) : null,
    });
  }

  function pick(event: MouseEvent<HTMLDivElement>) {
    if (!day) return;
    const box = event.currentTarget.getBoundingClientRect();
    // Drawn top to bottom in a portrait window, left to right otherwise (see styles.css).
    const fraction =
      box.height > box.width ? (event.clientY - box.top) / box.height : (event.clientX - box.left) / box.width;
    playFrom(day.dayStart + Math.round(Math.min(1, Math.max(0, fraction)) * span));
  }

  function playTyped() {
    const at = DateTime.fromISO(`${date}T${moment}`, { zone: timeZone });
    if (!moment || !at.isValid) return setError(translate('field.invalid', language));
    playFrom(at.toMillis());
  }

  async function holdCurrent(index: number) {
    const [id, start] = segments[index]!;
    // The file's path, from the list: the row that starts at this very moment.
    const rows = await client.invoke('footage.list', { camera, from: start, to: start + 1, limit: 50 });
    const row = rows.ok ? rows.value.find((candidate) => candidate.id === id) : undefined;
    if (!row) return setError(translate(rows.ok ? 'footage.unknownFile' : rows.error.key, language));
    setNotice(null);
    setHolding({ id, path: row.path });
  }

  const gaps = gapsOf(segments);
  const cameraName = day?.cameraName ?? camera;
  return (
    <section className="timeline-section" aria-labelledby={`${cameraId}-title`}>
      <h2 id={`${cameraId}-title`}>{own.timelineTitle}</h2>
      <div className="field-row filters">
        <div className="field">
          <label htmlFor={cameraId}>{own.camera}</label>
          <select id={cameraId} value={camera} onChange={(event) => setCamera(event.target.value)}>
            {cameras.map((summary) => (
              <option key={summary.camera} value={summary.camera}>
                {summary.cameraName}
              </option>
            ))}
          </select>
          <div className="message-slot" />
        </div>
        <DateTimeField label={own.date} language={language} value={date} onChange={setDate} />
        {/* Typed as 24-hour text: a native time input follows the browser's locale (AM/PM in en-US). */}
        <Field label={own.moment} inputMode="numeric" value={moment} onChange={setMoment} maxLength={8} />
        <div className="field">
          <button type="button" className="secondary" onClick={playTyped} disabled={!day}>
            {own.playFromMoment}
          </button>
        </div>
      </div>
      {day && (
        <>
          <p>{segments.length > 0 ? own.summary(segments.length, gaps) : own.noRecordings}</p>
          <div className="timeline">
            <div className="timeline-ticks" aria-hidden="true">
              {ticks.map((tick) => (
                <span key={tick.toMillis()} className="timeline-tick" style={place(tick.toMillis())}>
                  {tick.toFormat('HH:mm')}
                </span>
              ))}
            </div>
            <div
              className="timeline-bar"
              role="img"
              aria-label={own.barLabel(cameraName, date)}
              data-testid="timeline-bar"
              onClick={pick}
            >
              {day.holds.map((hold) => (
                <span key={`hold-${hold.id}`} className="timeline-hold" style={place(hold.from, hold.to - hold.from)} />
              ))}
              {runs.map((run) => (
                <span
                  key={run.start}
                  className={`timeline-run${run.held ? ' held' : ''}`}
                  style={place(run.start, run.end - run.start)}
                />
              ))}
              {playing && segments[playing.index] && <span className="timeline-now" style={place(playing.at)} />}
            </div>
          </div>
          <p className="timeline-legend">
            <span className="swatch timeline-run" /> {own.legendRecording} <span className="swatch timeline-run held" />{' '}
            {own.legendHeld} <span className="swatch timeline-hold" /> {own.legendHold}
          </p>
        </>
      )}
      <ErrorLine message={error ?? (timeline.error ? translate(timeline.error.key, language) : null)} />
      {playing && (
        <>
          {playing.note && <p className="lead">{playing.note}</p>}
          <FootagePlayer
            key={`${playing.index}-${playing.at}`}
            client={client}
            language={language}
            text={text}
            timeZone={timeZone}
            cameraName={cameraName}
            playlist={playlist}
            startIndex={playing.index}
            startAt={playing.at}
            onClose={() => {
              setPlaying(null);
              setHolding(null);
            }}
            actions={(index) =>
              segments[index]?.[3] === 1 ? (
                <span>{text.heldLabel}</span>
              ) : (
                <button type="button" className="secondary small" onClick={() => void holdCurrent(index)}>
                  {own.holdThisFile}
                </button>
              )
            }
          />
          {holding && (
            <FileHoldForm
              client={client}
              language={language}
              text={text}
              timeZone={timeZone}
              path={holding.path}
              onCancel={() => setHolding(null)}
              onPlaced={() => {
                setHolding(null);
                setNotice(own.heldNow);
                onHeld();
              }}
            />
          )}
          {notice && (
            <p role="status" className="lead">
              {notice}
            </p>
          )}
        </>
      )}
    </section>
  );
}
