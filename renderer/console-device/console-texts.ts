import type { Language } from '../../shared/messages';

/** The console's own texts: enrolling a device and what a desk shows around the staff view. */
export const consoleText: Record<
  Language,
  {
    enrolTitle: string;
    enrolLead: string;
    fingerprintHint: string;
    code: string;
    enrol: string;
    deskTitle: string;
    arrival: string;
    liveOff: string;
  }
> = {
  nl: {
    enrolTitle: 'Dit apparaat aanmelden',
    enrolLead: 'Vul de aanmeldcode in die een beheerder voor dit apparaat heeft gemaakt (15 minuten geldig).',
    fingerprintHint:
      'Vraagt de browser of u het certificaat vertrouwt? Vergelijk eerst de SHA-256-vingerafdruk met die van de beheerder.',
    code: 'Aanmeldcode',
    enrol: 'Aanmelden',
    deskTitle: 'Werkplek',
    arrival: 'Een verwachte bezoeker is zojuist aangekomen.',
    liveOff: 'Geen live verbinding: de lijsten verversen elke paar seconden.',
  },
  en: {
    enrolTitle: 'Enrol this device',
    enrolLead: 'Enter the enrolment code an admin made for this device (valid for 15 minutes).',
    fingerprintHint:
      'Does the browser ask whether to trust the certificate? First compare its SHA-256 fingerprint with the admin’s.',
    code: 'Enrolment code',
    enrol: 'Enrol',
    deskTitle: 'Desk',
    arrival: 'An expected visitor has just arrived.',
    liveOff: 'No live connection: the lists refresh every few seconds.',
  },
};
