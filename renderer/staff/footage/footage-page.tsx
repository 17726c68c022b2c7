import type { StaffTabProps } from '../kit/tab-props';
import { FootageTab } from './footage-tab';
import { RecorderLayouts } from './recorder-layouts';

/** The footage tab, and for the admin the check of what the recorder layouts read. */
export function FootagePage(props: StaffTabProps) {
  return (
    <>
      <FootageTab {...props} />
      {props.role === 'admin' && (
        <RecorderLayouts client={props.client} language={props.language} timeZone={props.timeZone} />
      )}
    </>
  );
}
