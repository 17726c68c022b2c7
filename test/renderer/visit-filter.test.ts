import { describe, expect, it } from 'vitest';
import type { VisitRow } from '../../shared/api/types';
import { filterVisits } from '../../renderer/staff/visits/visit-filter';

const visit = (
  id: number,
  firstName: string,
  lastName: string,
  company: string | null,
  plate: string | null,
): VisitRow => ({
  id,
  firstName,
  lastName,
  company,
  plate,
  plateKind: plate ? 'nl' : null,
  signedInAt: 0,
  signedOutAt: null,
  signOutMethod: null,
});

const visits = [visit(1, 'Zoë', 'Jansen', 'ACME', '12-ABC-3'), visit(2, 'Piet', 'de Boer', 'Müller GmbH', null)];

describe('the reception filter', () => {
  it.each([
    ['', [1, 2]],
    ['zoe', [1]],
    ['ZOË JAN', [1]],
    ['de boer', [2]],
    ['muller', [2]],
    ['12abc', [1]],
    ['12 - ABC', [1]],
    ['acme', [1]],
    ['nobody', []],
  ])('%j finds %j', (query, ids) => {
    expect(filterVisits(visits, query).map((row) => row.id)).toEqual(ids);
  });
});
