import type { Database } from '../database';

/**
 * Whether the index holds any live file: all the root checks need. Counting them walks every live
 * row (a million take about 55 ms), so a count is taken only where its number is shown or compared.
 */
export async function anyLiveFiles(database: Database): Promise<boolean> {
  const row = await database.get<{ any: 0 | 1 }>(
    `SELECT EXISTS (SELECT 1 FROM footage_files WHERE status = 'kept') AS "any"`,
  );
  return row!.any === 1;
}

/** How many live files the index holds. */
export async function countLiveFiles(database: Database): Promise<number> {
  return (await database.get<{ n: number }>("SELECT count(*) AS n FROM footage_files WHERE status = 'kept'"))!.n;
}
