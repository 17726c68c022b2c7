import { useCallback } from 'react';
import type { JobRun } from '../../../shared/api/types';
import { formatDateTime } from '../../../shared/date-format';
import { translate } from '../../../shared/messages';
import { describeRunReason } from '../../../shared/run-reasons';
import type { ApiClient } from '../../api/client';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { FootageBacklogPanel } from '../footage/footage-backlog-panel';
import { FootagePurgeNow } from '../footage/footage-purge-now';
import { DataTable } from '../kit/data-table';
import type { StaffTabProps } from '../kit/tab-props';
import { useAction } from '../kit/use-action';
import { describeRunCounts, jobName, retentionText } from './retention-texts';
import { useLoaded } from '../kit/use-loaded';

export function RetentionTab({ client, language, text, timeZone }: StaffTabProps) {
  const load = useCallback((background: boolean) => client.invoke('retention.status', {}, { background }), [client]);
  const { value: status, error, reload } = useLoaded(load, 10_000);
  const { busy, message: actionError, run } = useAction(language, reload);
  const act = (call: () => ReturnType<ApiClient['invoke']>) => run(call);
  const own = retentionText[language];

  const when = (epochMs: number) => formatDateTime(epochMs, timeZone, language);

  return (
    <>
      <ScreenHeading>{own.retentionTitle}</ScreenHeading>
      {status?.blocked && (
        <div className="alert" role="alert">
          <h2>{own.blockedTitle}</h2>
          <p>
            {own.blockedText(
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
            {own.confirmClock}
          </button>
        </div>
      )}
      <FootageBacklogPanel client={client} language={language} timeZone={timeZone} onDone={reload} />
      {status && (
        <>
          <p className="count">{own.nextPurge(when(status.nextVisitPurgeAt))}</p>
          <p>{status.nextVisitDeadline === null ? own.noDeadline : own.nextDeadline(when(status.nextVisitDeadline))}</p>
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', {}))}
        >
          {own.runNow}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', { dryRun: true }))}
        >
          {own.dryRun}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => act(() => client.invoke('retention.run', { job: 'automaticSignOut' }))}
        >
          {own.runSignOut}
        </button>
      </div>
      <ErrorLine message={actionError ?? (error ? translate(error.key, language) : null)} />
      {status?.kioskPurgesFootage && <FootagePurgeNow client={client} language={language} onDone={() => reload()} />}
      {status && status.lastRuns.length > 0 && (
        <DataTable<JobRun>
          caption={own.runsTitle}
          showCaption
          columns={[
            { key: 'job', header: own.runColumns.job, cell: (run) => jobName(run.job, language), rowHeader: true },
            { key: 'started', header: own.runColumns.started, cell: (run) => when(run.startedAt) },
            {
              key: 'outcome',
              header: own.runColumns.outcome,
              cell: (run) =>
                `${text.outcomes[run.outcome ?? 'running']}${run.reason ? `: ${describeRunReason(run.reason, language)}` : ''}`,
            },
            { key: 'counts', header: own.runColumns.counts, cell: (run) => describeRunCounts(run, language) },
          ]}
          rows={status.lastRuns}
          rowKey={(run) => run.id}
          rowClassName={(run) => (run.outcome === 'failed' || run.outcome === 'blocked' ? 'problem' : undefined)}
        />
      )}
    </>
  );
}
