import type { Language } from '../../../shared/messages';

export const devicesText: Record<
  Language,
  {
    title: string;
    consoleOff: string;
    address: string;
    fingerprint: string;
    enrolmentClosed: string;
    reopen: string;
    newCode: string;
    name: string;
    kind: string;
    kinds: { desk: string; kiosk: string };
    create: string;
    codeFor: (name: string, until: string) => string;
    devices: string;
    noDevices: string;
    enrolled: string;
    lastSeen: string;
    status: string;
    active: string;
    revoked: (when: string) => string;
    revoke: string;
    revokeLabel: (name: string) => string;
  }
> = {
  nl: {
    title: 'Apparaten',
    consoleOff: 'De console staat uit (console.listen is niet ingesteld).',
    address: 'Adres van de console',
    fingerprint: 'SHA-256-vingerafdruk van het certificaat',
    enrolmentClosed: 'Aanmelden is gesloten na te veel verkeerde codes.',
    reopen: 'Aanmelden weer openen',
    newCode: 'Nieuwe aanmeldcode',
    name: 'Naam van het apparaat',
    kind: 'Soort',
    kinds: { desk: 'Werkplek (medewerkers)', kiosk: 'Kiosk (bezoekers)' },
    create: 'Code maken',
    codeFor: (name, until) => `Code voor ${name}, één keer geldig tot ${until}:`,
    devices: 'Aangemelde apparaten',
    noDevices: 'Nog geen apparaten aangemeld.',
    enrolled: 'Aangemeld',
    lastSeen: 'Laatst gezien',
    status: 'Status',
    active: 'Actief',
    revoked: (when) => `Ingetrokken ${when}`,
    revoke: 'Intrekken',
    revokeLabel: (name) => `${name} intrekken`,
  },
  en: {
    title: 'Devices',
    consoleOff: 'The console is off (console.listen is not set).',
    address: 'Console address',
    fingerprint: 'Certificate SHA-256 fingerprint',
    enrolmentClosed: 'Enrolment is closed after too many wrong codes.',
    reopen: 'Open enrolment again',
    newCode: 'New enrolment code',
    name: 'Device name',
    kind: 'Kind',
    kinds: { desk: 'Desk (staff)', kiosk: 'Kiosk (visitors)' },
    create: 'Make code',
    codeFor: (name, until) => `Code for ${name}, valid once until ${until}:`,
    devices: 'Enrolled devices',
    noDevices: 'No devices enrolled yet.',
    enrolled: 'Enrolled',
    lastSeen: 'Last seen',
    status: 'Status',
    active: 'Active',
    revoked: (when) => `Revoked ${when}`,
    revoke: 'Revoke',
    revokeLabel: (name) => `Revoke ${name}`,
  },
};
