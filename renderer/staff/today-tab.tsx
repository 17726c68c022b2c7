import { useCallback, useState } from 'react';
import type { VisitRow } from '../../shared/api/types';
import { formatIsoDate } from '../../shared/date-format';
import { translate, type Language } from '../../shared/messages';
import type { ApiClient } from '../api/client';
import { Field } from '../field';
import { ScreenHeading } from '../screen-heading';
import { ErrorLine } from './error-line';
import { ExpectedVisitors } from './expected-visitors';
import type { StaffText } from './texts';
import { useLoaded } from './use-loaded';
import { VisitTable } from './visit-table';
import { filterVisits } from './visit-filter';

const REFRESH_MS = 5_000;

export function TodayTab({ client, language, text }: { client: ApiClient; language: Language; text: StaffText }) {
  const load = useCallback((background: boolean) => client.invoke('visits.today', {}, { background }), [client]);
  const { value: today, error, reload } = useLoaded(load, REFRESH_MS);
  const [query, setQuery] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);

  async function signOut(visit: VisitRow) {
    const result = await client.invoke('visits.signOutById', { visitId: visit.id });
    setActionError(result.ok ? null : translate(result.error.key, language));
    await reload();
  }

  const shown = today ? filterVisits(today.visits, query) : [];
  return (
    <>
      <ScreenHeading>{today ? text.todayTitle(formatIsoDate(today.date, language)) : text.tabs.today}</ScreenHeading>
      {today && <p className="count">{text.onSiteCount(today.onSiteCount)}</p>}
      <div className="filter">
        <Field label={text.filter} type="search" value={query} onChange={setQuery} />
      </div>
      <ErrorLine message={actionError ?? (error ? translate(error.key, language) : null)} />
      {today && shown.length > 0 && (
        <VisitTable
          visits={shown}
          timeZone={today.timeZone}
          text={text}
          caption={text.todayTitle(formatIsoDate(today.date, language))}
          onSignOut={signOut}
        />
      )}
      {today && shown.length === 0 && (
        <p className="lead">{today.visits.length === 0 ? text.noVisitors : text.noMatches}</p>
      )}
      {today && <ExpectedVisitors client={client} language={language} today={today.date} />}
    </>
  );
}
