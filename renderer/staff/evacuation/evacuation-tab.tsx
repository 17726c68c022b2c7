import { useCallback, useState } from 'react';
import { translate } from '../../../shared/messages';
import { formatDateLong, formatTime } from '../../../shared/date-format';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { downloadText } from '../kit/download';
import type { StaffTabProps } from '../kit/tab-props';
import { useAction } from '../kit/use-action';
import { useLoaded } from '../kit/use-loaded';
import { VisitTable } from '../visits/visit-table';
import type { RollCallRecord } from '../../../shared/api/devices';
import { RollCall } from './roll-call';
import { rollCallText } from './roll-call-texts';
import './evacuation-tab.css';

const REFRESH_MS = 5_000;

export function EvacuationTab({ client, language, text }: StaffTabProps) {
  const load = useCallback((background: boolean) => client.invoke('visits.evacuation', {}, { background }), [client]);
  const { value: list, error } = useLoaded(load, REFRESH_MS);
  const action = useAction(language);
  const [rollCall, setRollCall] = useState(false);
  const [record, setRecord] = useState<RollCallRecord | null>(null);

  async function print() {
    // Recorded first: a print is a copy of personal data leaving the screen.
    const recorded = await action.run(() =>
      client.invoke('visits.evacuationPrinted', { count: list?.visits.length ?? 0 }),
    );
    if (recorded?.ok) window.print();
  }

  async function exportCsv() {
    const result = await action.run(() => client.invoke('visits.evacuationCsv', { language }));
    if (result?.ok) downloadText(result.value.fileName, result.value.csv, 'text/csv;charset=utf-8');
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
        <button type="button" className="primary" onClick={() => void print()}>
          {text.print}
        </button>
        <button type="button" className="secondary" onClick={() => void exportCsv()}>
          {text.exportCsv}
        </button>
        {!rollCall && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setRecord(null);
              setRollCall(true);
            }}
          >
            {rollCallText[language].start}
          </button>
        )}
      </div>
      {record && (
        <p className="success" role="status">
          {rollCallText[language].recorded(record.visitors, record.visitorsPresent, record.staff, record.staffPresent)}
        </p>
      )}
      {rollCall && list && (
        <RollCall
          client={client}
          language={language}
          visits={list.visits}
          onDone={(done) => {
            setRollCall(false);
            setRecord(done);
          }}
        />
      )}
      <ErrorLine message={action.message ?? (error ? translate(error.key, language) : null)} />
      {!rollCall && list && list.visits.length > 0 && (
        <VisitTable visits={list.visits} timeZone={list.timeZone} text={text} caption={text.evacuationTitle} />
      )}
      {list && list.visits.length === 0 && <p className="lead">{text.nobodyOnSite}</p>}
    </div>
  );
}
