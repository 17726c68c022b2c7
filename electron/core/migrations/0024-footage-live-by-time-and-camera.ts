// Released migrations are never edited: a schema change is a new numbered file.
// The live files' time index carries the camera too: a camera's day on the timeline (and the
// time-of-day list of one camera) tests the camera on the index entry and reads the table only for
// that camera's files, not for every camera's. A (camera, time) index of its own would spare the walk
// over the other cameras' entries, but every first scan and new segment would pay for one more index.
export const sql = `
DROP INDEX footage_live_by_time;
CREATE INDEX footage_live_by_time ON footage_files (recorded_at, camera) WHERE status = 'kept';
`;
