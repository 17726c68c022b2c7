import type { Language } from '../../../shared/messages';
import type { ApiClient } from '../../api/client';
import { footageTimelineText } from './footage-timeline-texts';
import { HoldTermsForm } from '../holds/hold-terms-form';
import type { StaffText } from '../texts';

interface Props {
  client: ApiClient;
  language: Language;
  text: StaffText;
  timeZone: string;
  /** The file's path under the footage root (what a file hold names). */
  path: string;
  onPlaced: () => void;
  onCancel: () => void;
}

/** A hold on one footage file, with its own reason, ground and review date, shown where it was asked for. */
export function FileHoldForm({ client, language, text, timeZone, path, onPlaced, onCancel }: Props) {
  const own = footageTimelineText[language];
  return (
    <HoldTermsForm
      text={text}
      language={language}
      timeZone={timeZone}
      className="file-hold"
      label={own.reasonFor(path)}
      labels={{
        reason: text.holdReasonForFile,
        basis: text.holdBasisForFile,
        review: text.holdReviewForFile,
        submit: own.place,
      }}
      autoFocus
      // A file hold runs until released: it has no end date of its own.
      place={({ reason, basis, reviewAt }) => client.invoke('holds.placeOnFootage', { path, reason, basis, reviewAt })}
      onPlaced={onPlaced}
      onCancel={{ label: own.cancel, run: onCancel }}
    />
  );
}
