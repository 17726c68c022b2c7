import { useCallback, useState } from 'react';
import type { JobRun } from '../../shared/api/types';
import { translate, type Language } from '../../shared/messages';
import { formatDateTime } from '../../shared/date-format';
import { describeRunReason } from '../../shared/run-reasons';
import type { ApiClient } from '../api/client';
import { ScreenHeading } from '../screen-heading';
import { ErrorLine } from './error-line';
import { FootageBacklogPanel } from './footage-backlog-panel';
import type { StaffText } from './texts';
import { useLoaded } from './use-loaded';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
}

export function RetentionTab({ client, language, text, timeZone }: Props) {
  const load = useCallback((background: boolean) => client.invoke('retention.status', {}, { background }), [client]);
  const { value: status, error, reload } = useLoaded(load, 10_000);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);

  async function act(call: () => ReturnType<ApiClient['invoke']>) {
    setBusy(true);
    const result = await call();
    setBusy(false);
    setActionError(result.ok ? null : translate(result.error.key, language));
    await reload();
  }

  const when = (epochMs: number) => formatDateTime(epochMs, timeZone, language);
  const counts = (run: JobRun) =>
    Object.entries(run.counts)
      .map(([name, count]) => `${name}: ${count}`)
      .join(', ');

  return (
    <>
      <ScreenHeading>{text.retentionTitle}</ScreenHeading>
      {status?.blocked && (
        <div className="alert" role="alert">
          <h2>{text.blockedTitle}</h2>
          <p>
            {text.blockedText(
              when(status.blocked.startedAt),
              status.blocked.reason ? describeRunReason(status.blocked.reason, language) : '',
            )}
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => act(() => client.invoke('retention.confirmClock', {}))}
          >
            {text.confirmClock}
          </button>
        </div>
      )}
      <FootageBacklogPanel client={client} language={language} timeZone={timeZone} onDone={reload} />
      {status && (
        <>
          <p className="count">{text.nextPurge(when(status.nextVisitPurgeAt))}</p>
          <p>
            {status.nextVisitDeadline === null ? text.noDeadline : text.nextDeadline(when(status.nextVisitDeadline))}
          </p>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', {}))}
        >
          {text.runNow}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', { dryRun: true }))}
        >
          {text.dryRun}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', { job: 'automaticSignOut' }))}
        >
          {text.runSignOut}
        </button>
      </div>
      <ErrorLine message={actionError ?? (error ? translate(error.key, language) : null)} />
      {status && status.lastRuns.length > 0 && (
        <table className="visits">
          <caption>{text.runsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{text.runColumns.job}</th>
              <th scope="col">{text.runColumns.started}</th>
              <th scope="col">{text.runColumns.outcome}</th>
              <th scope="col">{text.runColumns.counts}</th>
            </tr>
          </thead>
          <tbody>
            {status.lastRuns.map((run) => (
              <tr key={run.id} className={run.outcome === 'failed' || run.outcome === 'blocked' ? 'problem' : ''}>
                <th scope="row">{text.jobs[run.job] ?? run.job}</th>
                <td>{when(run.startedAt)}</td>
                <td>
                  {text.outcomes[run.outcome ?? 'running']}
                  {run.reason ? `: ${describeRunReason(run.reason, language)}` : ''}
                </td>
                <td>{counts(run)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
