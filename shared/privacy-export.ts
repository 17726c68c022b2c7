import type { NoticeFacts } from './api/types';
import type { PrivacyExpectedVisit, PrivacyVisit } from './api/privacy';
import type { Language } from './messages';
import { noticeSections } from './notice';
import { formatDateLong, formatDateTime } from './date-format';
import { formatLocalDate } from './time';

const LABELS = {
  nl: {
    title: 'Uw gegevens als bezoeker',
    lead: (organisation: string, date: string) =>
      `Op uw verzoek om inzage (artikel 15 AVG) geeft ${organisation} u hieronder de gegevens die wij over uw bezoeken bewaren, op ${date}.`,
    visits: 'Uw bezoeken',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    company: 'Bedrijf',
    plate: 'Kenteken',
    signedIn: 'Binnen',
    signedOut: 'Vertrokken',
    restricted: 'Beperkt',
    host: 'Bezocht',
    expected: 'Verwachte bezoeken',
    expectedDate: 'Verwacht op',
    yes: 'ja',
    no: 'nee',
    none: '—',
    stillOnSite: 'nog aanwezig',
    footage: (days: number) =>
      `Camerabeelden van uw bezoek worden hooguit ${days} dagen bewaard; vraag ernaar als u een kopie wilt.`,
    about: 'Over deze verwerking',
    file: 'bezoekgegevens',
  },
  en: {
    title: 'Your data as a visitor',
    lead: (organisation: string, date: string) =>
      `At your request for access (article 15 GDPR), ${organisation} gives you below the data we keep about your visits, as of ${date}.`,
    visits: 'Your visits',
    firstName: 'First name',
    lastName: 'Last name',
    company: 'Company',
    plate: 'Licence plate',
    signedIn: 'Signed in',
    signedOut: 'Signed out',
    restricted: 'Restricted',
    host: 'Visited',
    expected: 'Expected visits',
    expectedDate: 'Expected on',
    yes: 'yes',
    no: 'no',
    none: '—',
    stillOnSite: 'still on site',
    footage: (days: number) =>
      `Camera images of your visit are kept for at most ${days} days; ask us if you want a copy.`,
    about: 'About this processing',
    file: 'visitor-data',
  },
} as const;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The copy a data subject gets (art. 15): a printable page in their language with their visits and
 * the notice's facts (purposes, legal basis, recipients, retention, rights), and the same as JSON.
 * Pure: the core renders it, the client saves it; the kiosk keeps no copy. Whether a legal hold covers
 * a visit is left out: telling the person could give away an investigation (UAVG art. 41).
 */
export function renderAccessExport(
  visits: readonly PrivacyVisit[],
  facts: NoticeFacts,
  language: Language,
  generatedAt: number,
  expected: readonly PrivacyExpectedVisit[] = [],
): { html: string; json: string; htmlFileName: string; jsonFileName: string } {
  const label = LABELS[language];
  const zone = facts.timeZone;
  const when = (at: number | null) => (at === null ? label.stillOnSite : formatDateTime(at, zone, language));
  const date = formatLocalDate(generatedAt, zone);
  const sections = noticeSections(facts, language);
  const rows = visits
    .map(
      (visit) =>
        `<tr><td>${escapeHtml(visit.firstName)}</td><td>${escapeHtml(visit.lastName)}</td>` +
        `<td>${escapeHtml(visit.company ?? label.none)}</td><td>${escapeHtml(visit.plate ?? label.none)}</td>` +
        `<td>${escapeHtml(visit.hostName ?? label.none)}</td>` +
        `<td>${when(visit.signedInAt)}</td><td>${when(visit.signedOutAt)}</td>` +
        `<td>${visit.restricted ? label.yes : label.no}</td></tr>`,
    )
    .join('\n');
  const expectedRows = expected
    .map(
      (hit) =>
        `<tr><td>${escapeHtml(hit.firstName)}</td><td>${escapeHtml(hit.lastName)}</td>` +
        `<td>${escapeHtml(hit.company ?? label.none)}</td><td>${escapeHtml(hit.plate ?? label.none)}</td>` +
        `<td>${escapeHtml(hit.hostName ?? label.none)}</td><td>${escapeHtml(hit.visitDate)}</td></tr>`,
    )
    .join('\n');
  const expectedTable =
    expected.length === 0
      ? ''
      : `<h2>${escapeHtml(label.expected)}</h2>
<table>
<thead><tr><th>${label.firstName}</th><th>${label.lastName}</th><th>${label.company}</th><th>${label.plate}</th><th>${label.host}</th><th>${label.expectedDate}</th></tr></thead>
<tbody>
${expectedRows}
</tbody>
</table>
`;
  const about = sections
    .map(
      (section) =>
        `<h3>${escapeHtml(section.heading)}</h3>\n${section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(label.title)}</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}</style>
</head>
<body>
<h1>${escapeHtml(label.title)}</h1>
<p>${escapeHtml(label.lead(facts.organisationName, formatDateLong(generatedAt, zone, language)))}</p>
<h2>${escapeHtml(label.visits)}</h2>
<table>
<thead><tr><th>${label.firstName}</th><th>${label.lastName}</th><th>${label.company}</th><th>${label.plate}</th><th>${label.host}</th><th>${label.signedIn}</th><th>${label.signedOut}</th><th>${label.restricted}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${expectedTable}${facts.footageDeletedBy === 'noCameras' ? '' : `<p>${escapeHtml(label.footage(facts.footageRetentionDays))}</p>`}
<h2>${escapeHtml(label.about)}</h2>
${about}
</body>
</html>
`;
  const json = JSON.stringify(
    {
      controller: { name: facts.organisationName, contact: facts.contactEmail },
      generatedAt: new Date(generatedAt).toISOString(),
      timeZone: zone,
      language,
      visits: visits.map((visit) => ({
        firstName: visit.firstName,
        lastName: visit.lastName,
        company: visit.company,
        plate: visit.plate,
        host: visit.hostName,
        signedInAt: new Date(visit.signedInAt).toISOString(),
        signedOutAt: visit.signedOutAt === null ? null : new Date(visit.signedOutAt).toISOString(),
        signOutMethod: visit.signOutMethod,
        restricted: visit.restricted,
      })),
      expectedVisits: expected.map((hit) => ({
        firstName: hit.firstName,
        lastName: hit.lastName,
        company: hit.company,
        plate: hit.plate,
        host: hit.hostName,
        date: hit.visitDate,
      })),
      retention: {
        visitMonths: facts.visitRetentionMonths,
        // An entrance without cameras promises no footage period, so the copy names none.
        footageDays: facts.footageDeletedBy === 'noCameras' ? null : facts.footageRetentionDays,
      },
      notice: sections,
    },
    null,
    2,
  );
  return { html, json, htmlFileName: `${label.file}-${date}.html`, jsonFileName: `${label.file}-${date}.json` };
}
