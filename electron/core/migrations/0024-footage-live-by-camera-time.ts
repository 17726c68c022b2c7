// Released migrations are never edited: a schema change is a new numbered file.
// A camera's live files in time order (the security view's timeline of one camera's day, one
// camera's list, the offline-gap and range-hold checks): without it every camera's files of the
// time range were read to find one camera's (issue 25).
export const sql = `
CREATE INDEX footage_live_by_camera_time ON footage_files (camera, recorded_at) WHERE status = 'kept';
`;
