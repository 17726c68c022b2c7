import { useCallback, useState } from 'react';
import { translate } from '../../../shared/messages';
import { formatDateLong, formatTime } from '../../../shared/date-format';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { downloadText } from '../kit/download';
import type { StaffTabProps } from '../kit/tab-props';
import { useLoaded } from '../kit/use-loaded';
import { VisitTable } from '../visits/visit-table';

const REFRESH_MS = 5_000;

export function EvacuationTab({ client, language, text }: StaffTabProps) {
  const load = useCallback((background: boolean) => client.invoke('visits.evacuation', {}, { background }), [client]);
  const { value: list, error } = useLoaded(load, REFRESH_MS);
  const [actionError, setActionError] = useState<string | null>(null);

  async function print() {
    // Recorded first: a print is a copy of personal data leaving the screen.
    const recorded = await client.invoke('visits.evacuationPrinted', { count: list?.visits.length ?? 0 });
    if (!recorded.ok) return setActionError(translate(recorded.error.key, language));
    window.print();
  }

  async function exportCsv() {
    const result = await client.invoke('visits.evacuationCsv', { language });
    if (!result.ok) return setActionError(translate(result.error.key, language));
    downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
  }

  return (
    <div className="printable">
      <ScreenHeading>{text.evacuationTitle}</ScreenHeading>
      {list && (
        <p className="count">
          {text.onSiteCount(list.visits.length)} ·{' '}
          {text.evacuationGenerated(
            formatDateLong(list.generatedAt, list.timeZone, language),
            formatTime(list.generatedAt, list.timeZone),
          )}
        </p>
      )}
      <div className="actions no-print">
        <button type="button" className="primary" onClick={print}>
          {text.print}
        </button>
        <button type="button" className="secondary" onClick={exportCsv}>
          {text.exportCsv}
        </button>
      </div>
      <ErrorLine message={actionError ?? (error ? translate(error.key, language) : null)} />
      {list && list.visits.length > 0 && (
        <VisitTable visits={list.visits} timeZone={list.timeZone} text={text} caption={text.evacuationTitle} />
      )}
      {list && list.visits.length === 0 && <p className="lead">{text.nobodyOnSite}</p>}
    </div>
  );
}
