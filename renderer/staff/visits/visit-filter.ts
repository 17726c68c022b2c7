import type { VisitRow } from '../../../shared/api/types';

/** Lower case, without accents, spaces or dashes: "zoe" finds "Zoë", "12abc" finds "12-ABC-3". */
const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-.]/g, '');

export function filterVisits(visits: VisitRow[], query: string): VisitRow[] {
  const needle = fold(query);
  if (!needle) return visits;
  return visits.filter((visit) =>
    [`${visit.firstName} ${visit.lastName}`, visit.company ?? '', visit.plate ?? ''].some((field) =>
      fold(field).includes(needle),
    ),
  );
}
