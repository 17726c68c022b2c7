// Released migrations are never edited: a schema change is a new numbered file.
// Two time-ordered indexes split the footage rows between them: the live files (0005's
// footage_live_by_time) and the record of files deleted or gone, which only grows. The security view's
// file list and the purge walk one or both in time order, newest or oldest first. Together they
// replace the camera-and-time index over every row, which a first scan of a million files paid for on
// each insert, and which still left the newest files of all cameras to a sort of the whole table.
// Queries that mean to use an index repeat its condition word for word (footage-list-query.ts).
export const sql = `
DROP INDEX footage_by_camera_time;
CREATE INDEX footage_record_by_time ON footage_files (recorded_at) WHERE status = 'deleted' OR status = 'gone';
`;
