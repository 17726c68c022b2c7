import { describe, expect, it } from 'vitest';
import type { PrivacySearchResult } from '../../../../shared/api/privacy';
import type { Kiosk } from '../../../../electron/core/kiosk';
import { fillMissingSearchText, visitSearch } from '../../../../electron/core/privacy/privacy-queries';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

async function search(kiosk: Kiosk, query: string) {
  const result = await kiosk.router.invoke('privacy.searchVisits', { query, purpose: 'accessRequest' } as never, {
    kind: 'staff',
    staffId: 4,
    name: 'Pia',
    role: 'privacy',
    terminal: 'test-privacy',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as PrivacySearchResult).visits.map((visit) => `${visit.firstName} ${visit.lastName}`);
}

describe('privacy search: the search text kept with each visit', () => {
  it('walks the time index that carries the search text, never the table, for any period', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-06-02T08:00:00Z') });
    for (const [from, to] of [
      [0, Number.MAX_SAFE_INTEGER],
      [Date.parse('2026-01-01'), Date.parse('2026-02-01')],
    ] as const) {
      const { sql, params } = visitSearch(['zoe', 'darcy'], from, to);
      const plan = await kiosk.database.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
      expect(plan.map((step) => step.detail)).toEqual([
        'SEARCH visits USING COVERING INDEX visits_by_signed_in_at (signed_in_at>? AND signed_in_at<?)',
      ]);
    }
  });

  it('is written at sign-in and at a correction, so a corrected name is found and the old one is not', async () => {
    const clock = manualClock('2026-06-02T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect(
      (
        await kiosk.router.invoke(
          'visits.signIn',
          visitor({ firstName: 'Zoë', lastName: "D'Arcy", company: 'Ünïcorn BV', plate: 'GBB-01-B' }) as never,
          callers.kiosk,
        )
      ).ok,
    ).toBe(true);
    const row = await kiosk.database.get<{ id: number; search_text: string }>('SELECT id, search_text FROM visits');
    expect(row!.search_text).toBe('zoe darcy unicorn bv gbb01b');

    await kiosk.privacy.correct('operator', row!.id, { lastName: 'Ðurić', company: null });
    const corrected = await kiosk.database.get<{ search_text: string }>('SELECT search_text FROM visits');
    expect(corrected!.search_text).toBe('zoe duric  gbb01b');
    expect(await search(kiosk, 'zoe duric')).toEqual(['Zoë Ðurić']);
    expect(await search(kiosk, 'darcy')).toEqual([]);
    expect(await search(kiosk, 'unicorn')).toEqual([]);
  });

  it('fills the text of visits that have none (from before migration 0021, or written by hand) before a search', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-06-02T08:00:00Z') });
    await kiosk.database.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2499)
      INSERT INTO visits (first_name, last_name, company, plate, plate_kind, notice_version, signed_in_at, sign_out_code)
      SELECT CASE WHEN i = 1234 THEN 'Chloé' ELSE 'Anna' END, 'Müller-' || i, NULL, NULL, NULL, '1-6m-28d',
             ${Date.parse('2026-05-01')} + i, 'H' || i FROM n`);
    expect(await search(kiosk, 'chloe muller1234')).toEqual(['Chloé Müller-1234']);
    const missing = await kiosk.database.get<{ n: number }>(
      'SELECT count(*) AS n FROM visits WHERE search_text IS NULL',
    );
    expect(missing!.n).toBe(0);
    await fillMissingSearchText(kiosk.database); // nothing left to do, and no harm done
    expect((await search(kiosk, 'anna')).length).toBe(500);
  });
});
