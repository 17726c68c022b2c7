// Released migrations are never edited: a schema change is a new numbered file.
// The camera-and-time index of the live files (0024) also carries what the security view's timeline
// reads of each file, so a camera's day is read from the index alone, with no table lookup per file
// (a day of 8,640 clips: about 1 ms of the 9 ms query, issue 25). `id` comes before the rest so ties
// in time stay in id order, the timeline's order, without a sort.
export const sql = `
DROP INDEX footage_live_by_camera_time;
CREATE INDEX footage_live_by_camera_time ON footage_files (camera, recorded_at, id, mtime, time_source) WHERE status = 'kept';
`;
