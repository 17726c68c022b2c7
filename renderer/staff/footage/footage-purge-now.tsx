import { useState } from 'react';
import type { JobRun } from '../../../shared/api/types';
import { translate, type Language } from '../../../shared/messages';
import { describeRunReason } from '../../../shared/run-reasons';
import type { ApiClient } from '../../api/client';
import { useStillMounted } from '../../use-still-mounted';
import { ErrorLine } from '../kit/error-line';
import { announceDeskChanged } from '../kit/desk-changed';
import { footagePurgeText } from './footage-purge-texts';

interface Props {
  client: ApiClient;
  language: Language;
  /** After a purge ran (or was held back): the runs and the alarms changed. `deleted` says so when it ran. */
  onDone: (deleted: string | null) => void | Promise<void>;
}

type Step = { kind: 'idle' } | { kind: 'asking'; files: number; reason: string | null } | { kind: 'busy' };

/** Files a dry run would delete: due and not under a hold. */
const deletable = (run: JobRun) => Math.max(0, (run.counts.due ?? 0) - (run.counts.held ?? 0));

/**
 * "Delete expired footage now" for an admin: counts what is past its deadline (a dry run), asks with
 * that count, then runs the scheduler's own footage purge (clock guard, backlog guard, holds).
 */
export function FootagePurgeNow({ client, language, onDone }: Props) {
  const text = footagePurgeText[language];
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const stillMounted = useStillMounted();

  async function count() {
    setStep({ kind: 'busy' });
    setError(null);
    setStatus(null);
    const result = await client.invoke('footage.purge', { dryRun: true });
    if (!stillMounted()) return;
    if (!result.ok) {
      setError(translate(result.error.key, language, result.error.params));
      setStep({ kind: 'idle' });
      return;
    }
    const files = deletable(result.value);
    if (files === 0 && !result.value.reason) {
      setStatus(text.nothing);
      setStep({ kind: 'idle' });
      return;
    }
    const reason = result.value.reason ? describeRunReason(result.value.reason, language) : null;
    setStep({ kind: 'asking', files, reason });
  }

  async function purge() {
    setStep({ kind: 'busy' });
    const result = await client.invoke('footage.purge', {});
    if (result.ok) announceDeskChanged();
    if (!stillMounted()) return;
    setStep({ kind: 'idle' });
    const deleted = result.ok && result.value.outcome === 'ok' ? text.done(result.value.counts.deleted ?? 0) : null;
    setStatus(deleted);
    if (!result.ok) setError(translate(result.error.key, language, result.error.params));
    else if (!deleted && result.value.reason) setError(text.heldBack(describeRunReason(result.value.reason, language)));
    else if (!deleted) setError(translate('internal', language));
    await onDone(deleted);
  }

  return (
    <div className="footage-purge-now">
      {step.kind === 'asking' ? (
        <>
          {step.reason && <p>{text.wouldWait(step.reason)}</p>}
          <p>{text.question(step.files)}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void purge()}>
              {text.confirm(step.files)}
            </button>
            <button type="button" className="secondary" onClick={() => setStep({ kind: 'idle' })}>
              {text.cancel}
            </button>
          </div>
        </>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" disabled={step.kind === 'busy'} onClick={() => void count()}>
            {step.kind === 'busy' ? text.checking : text.start}
          </button>
        </div>
      )}
      {status && <p role="status">{status}</p>}
      <ErrorLine message={error} />
    </div>
  );
}
