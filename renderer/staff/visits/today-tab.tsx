import { useCallback, useEffect, useState } from 'react';
import type { VisitRow } from '../../../shared/api/types';
import { formatIsoDate } from '../../../shared/date-format';
import { translate } from '../../../shared/messages';
import { Field } from '../../field';
import { ScreenHeading } from '../../screen-heading';
import { ErrorLine } from '../kit/error-line';
import { ExpectedVisitors } from '../invitations/expected-visitors';
import type { StaffTabProps } from '../kit/tab-props';
import { useAction } from '../kit/use-action';
import { keepDatesWhole } from '../kit/whole-dates';
import { todayText } from './today-texts';
import { useLoaded } from '../kit/use-loaded';
import { VisitTable } from './visit-table';
import { filterVisits } from './visit-filter';
import './today-tab.css';

const REFRESH_MS = 5_000;
/** As long as the core accepts the undo (STAFF_SIGN_OUT_UNDO_MS), less a margin for the call itself. */
const UNDO_OFFER_MS = 9_000;

/** Newest arrival first: the visitor who just walked in is the one the receptionist looks for. */
const newestFirst = (visits: VisitRow[]) => [...visits].sort((a, b) => b.signedInAt - a.signedInAt || b.id - a.id);

export function TodayTab({ client, language, text }: StaffTabProps) {
  const load = useCallback((background: boolean) => client.invoke('visits.today', {}, { background }), [client]);
  const { value: today, error, reload } = useLoaded(load, REFRESH_MS);
  const [query, setQuery] = useState('');
  const action = useAction(language, reload);
  const [undoable, setUndoable] = useState<VisitRow | null>(null);
  const [undone, setUndone] = useState<string | null>(null);
  const own = todayText[language];

  useEffect(() => {
    if (!undoable) return;
    const timer = window.setTimeout(() => setUndoable(null), UNDO_OFFER_MS);
    return () => window.clearTimeout(timer);
  }, [undoable]);

  async function signOut(visit: VisitRow) {
    setUndone(null);
    const result = await action.run(() => client.invoke('visits.signOutById', { visitId: visit.id }));
    if (result) setUndoable(result.ok ? visit : null);
  }

  async function undo(visit: VisitRow) {
    setUndoable(null);
    const result = await action.run(() => client.invoke('visits.undoStaffSignOut', { visitId: visit.id }));
    if (result?.ok) setUndone(own.undone(`${visit.firstName} ${visit.lastName}`));
  }

  const shown = today ? newestFirst(filterVisits(today.visits, query)) : [];
  return (
    <>
      <ScreenHeading>
        {today ? keepDatesWhole(text.todayTitle(formatIsoDate(today.date, language))) : text.tabs.today}
      </ScreenHeading>
      {today && (
        <div className="today-sticky">
          <p className="count" role="status">
            {text.onSiteCount(today.onSiteCount)}
          </p>
          {undoable && (
            <p className="undo-bar">
              <span>{own.signedOutNotice(`${undoable.firstName} ${undoable.lastName}`)}</span>
              <button
                type="button"
                className="primary small"
                aria-label={own.undoSignOut(`${undoable.firstName} ${undoable.lastName}`)}
                onClick={() => void undo(undoable)}
              >
                {own.undo}
              </button>
            </p>
          )}
          {undone && (
            <p className="success" role="status">
              {undone}
            </p>
          )}
        </div>
      )}
      {/* Who is still to come first: the receptionist signs them in from here in one tap. */}
      {today && (
        <ExpectedVisitors client={client} language={language} today={today.date} onChanged={() => void reload()} />
      )}
      <div className="filter">
        <Field label={text.filter} type="search" value={query} onChange={setQuery} />
      </div>
      <ErrorLine message={action.message ?? (error ? translate(error.key, language) : null)} />
      {today && shown.length > 0 && (
        <VisitTable
          visits={shown}
          timeZone={today.timeZone}
          text={text}
          caption={`${text.todayTitle(formatIsoDate(today.date, language))} · ${own.newestFirst}`}
          onSignOut={(visit) => void signOut(visit)}
        />
      )}
      {today && shown.length === 0 && (
        <p className="lead">{today.visits.length === 0 ? text.noVisitors : text.noMatches}</p>
      )}
    </>
  );
}
