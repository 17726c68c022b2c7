// Released migrations are never edited: a schema change is a new numbered file.
export const sql = `
-- Why a run was blocked or failed, as a message key with parameters (JSON: {"key", "params"}), so
-- every view translates it; 'message' keeps only an unexpected failure's text, for the log.
ALTER TABLE job_runs ADD COLUMN reason TEXT;
UPDATE job_runs SET reason = json_object('key', 'run.' || message), message = NULL
 WHERE outcome = 'blocked' AND message IN ('clockFarAhead', 'clockBehindLastRun', 'awaitingConfirmation');
UPDATE job_runs SET reason = json_object('key', CASE substr(message, 1, instr(message, ':') - 1)
    WHEN 'tooManyAtOnce' THEN 'run.footageTooManyAtOnce'
    WHEN 'missing' THEN 'run.footageRootMissing'
    WHEN 'notDirectory' THEN 'run.footageRootNotDirectory'
    WHEN 'unreadable' THEN 'run.footageRootUnreadable'
    WHEN 'markerMissing' THEN 'run.footageMarkerMissing'
    WHEN 'otherDevice' THEN 'run.footageOtherDevice'
    WHEN 'emptyWhileIndexed' THEN 'run.footageEmptyWhileIndexed' END), message = NULL
 WHERE outcome = 'blocked' AND job = 'footagePurge' AND instr(message, ':') > 0;
UPDATE job_runs SET reason = json_object('key', 'run.interrupted')
 WHERE outcome = 'failed' AND message LIKE 'interrupted:%';
UPDATE job_runs SET reason = json_object('key', 'run.failed') WHERE outcome = 'failed' AND reason IS NULL;

-- A file whose path claims a recording start after the scan's now (a recorder's clock set ahead) is
-- dated at the moment the kiosk first saw it: recorded_at holds that moment, this column the claim.
ALTER TABLE footage_files ADD COLUMN claimed_recorded_at INTEGER;
`;
