import type { NoticeFacts } from './api/types';
import type { KioskConfig } from './config';
import type { Language } from './messages';

// Bump when the wording below changes. The retention periods are part of the version too, so a
// visit records exactly which promise the visitor read.
export const NOTICE_TEXT_REVISION = 3;

export function noticeVersion(config: KioskConfig): string {
  const { visitMonths, footageDays } = config.retention;
  const host = config.hostNotice.enabled ? '-host' : '';
  // The kiosk deleting footage is what every version before this setting promised: no suffix.
  const footageBy = { kiosk: '', recorder: '-rec', noCameras: '-nocam' }[config.footage.enforcedBy];
  return `${NOTICE_TEXT_REVISION}-${visitMonths}m-${footageDays}d-${config.invitations.unarrivedDays}i${host}${footageBy}`;
}

export function noticeFacts(config: KioskConfig): NoticeFacts {
  return {
    version: noticeVersion(config),
    organisationName: config.organisation.name,
    contactEmail: config.organisation.contactEmail,
    visitRetentionMonths: config.retention.visitMonths,
    footageRetentionDays: config.retention.footageDays,
    footageDeletedBy: config.footage.enforcedBy,
    unarrivedInvitationDays: config.invitations.unarrivedDays,
    hostNotice: config.hostNotice.enabled,
    timeZone: config.timeZone,
    kioskIdleSeconds: config.idle.kioskSeconds,
    languages: ['nl', 'en'],
  };
}

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
}

function months(count: number, language: Language): string {
  if (language === 'nl') return count === 1 ? '1 maand' : `${count} maanden`;
  return count === 1 ? '1 month' : `${count} months`;
}

function days(count: number, language: Language): string {
  const weeks = count % 7 === 0 ? count / 7 : null;
  if (language === 'nl') {
    const inDays = count === 1 ? '1 dag' : `${count} dagen`;
    return weeks ? `${weeks === 1 ? '1 week' : `${weeks} weken`} (${inDays})` : inDays;
  }
  const inDays = count === 1 ? '1 day' : `${count} days`;
  return weeks ? `${weeks === 1 ? '1 week' : `${weeks} weeks`} (${inDays})` : inDays;
}

/**
 * The privacy notice for office visitors, written from the organisation's privacy statement (row
 * "Bezoekers kantoorpand"). Retention periods and the controller come from the configuration that
 * also drives the purge, so the notice cannot promise what the system does not do.
 */
export function noticeSections(facts: NoticeFacts, language: Language): NoticeSection[] {
  const organisation = facts.organisationName;
  const contact = facts.contactEmail;
  const visitPeriod = months(facts.visitRetentionMonths, language);
  const footagePeriod = days(facts.footageRetentionDays, language);
  const cameras = facts.footageDeletedBy !== 'noCameras';
  const byRecorder = facts.footageDeletedBy === 'recorder';
  const footageSentence = {
    nl: cameras
      ? ` Camerabeelden bewaren wij maximaal ${footagePeriod} na de opname${byRecorder ? '; daarna wist de camerarecorder ze zelf' : ''}.`
      : '',
    en: cameras
      ? `, and camera recordings for at most ${footagePeriod} after they were made${byRecorder ? '; the camera recorder then deletes them itself' : ''}`
      : '',
  };
  const invitationPeriod = {
    nl: days(facts.unarrivedInvitationDays, 'nl'),
    en: days(facts.unarrivedInvitationDays, 'en'),
  };
  if (language === 'nl') {
    return [
      {
        heading: 'Wie is verantwoordelijk',
        paragraphs: [
          `${organisation} is verantwoordelijk voor de verwerking van uw gegevens. Vragen? Mail naar ${contact}.`,
        ],
      },
      {
        heading: 'Welke gegevens',
        paragraphs: [
          `Uw voornaam, achternaam, bedrijfsnaam en, als u met de auto komt, uw kenteken. ${cameras ? 'In en rond het gebouw hangen camera’s die beelden opnemen.' : 'Bij deze ingang hangen geen camera’s: wij maken hier geen camerabeelden van u.'}`,
          `Bent u uitgenodigd, dan heeft uw gastheer of gastvrouw deze gegevens vooraf aan de receptie gegeven, met de datum van uw bezoek${facts.hostNotice ? ' en wie u bezoekt' : ''}. Wij bewaren geen e-mailadres van u.`,
          ...(facts.hostNotice
            ? [
                'Kiest u bij het aanmelden wie u bezoekt, dan krijgt die persoon een e-mail met uw voornaam en bedrijf, en bewaren wij bij uw bezoek wie u bezocht.',
              ]
            : []),
        ],
      },
      {
        heading: 'Waarom',
        paragraphs: [
          'Voor de beveiliging van het gebouw (interne controle en bedrijfsbeveiliging): wij weten wie er binnen is en wie er was. Een lijst van wie er binnen is bij een ontruiming hoort daarbij.',
        ],
      },
      {
        heading: 'Grondslag',
        paragraphs: [
          `Gerechtvaardigd belang: het belang van ${organisation} om haar eigendommen te beveiligen. Wij vragen u daarom niet om toestemming; u bevestigt alleen dat u deze informatie hebt gelezen.`,
        ],
      },
      {
        heading: 'Wie heeft toegang',
        paragraphs: [
          `Alleen medewerkers van ${organisation} die de gegevens nodig hebben voor hun werk. De leveranciers van onze systemen kunnen uw gegevens ook verwerken; meer informatie via ${contact}.`,
          ...(facts.hostNotice
            ? [
                'De persoon die u bezoekt krijgt bij uw aanmelding een e-mail met uw voornaam en bedrijf. Die e-mail staat in zijn of haar mailbox, buiten dit systeem.',
              ]
            : []),
        ],
      },
      {
        heading: 'Hoe lang',
        paragraphs: [
          `Uw contactgegevens bewaren wij maximaal ${visitPeriod} na uw bezoek.${footageSentence.nl}`,
          'Langer alleen als wij op grond van een wettelijke regeling uw gegevens langer moeten bewaren, of als langer bewaren echt nodig is voor het uitvoeren van onze activiteiten (bijvoorbeeld bij een incident in het gebouw). Wij leggen dan vast welke van de twee het is en waarom, en beoordelen regelmatig opnieuw of het nog nodig is.',
          `Komt u niet op de dag van uw uitnodiging, dan wissen wij de vooraf gegeven gegevens ${invitationPeriod.nl} na die dag.`,
        ],
      },
      {
        heading: 'Nodig voor toegang',
        paragraphs: [
          'Zonder deze gegevens kunnen wij u geen toegang tot het gebouw geven. Wilt u ze niet geven, meld u dan bij de receptie.',
        ],
      },
      {
        heading: 'Uw rechten',
        paragraphs: [
          `U kunt ons vragen om inzage, correctie of verwijdering van uw gegevens, of om beperking van de verwerking: mail naar ${contact}.`,
          `U kunt ook bezwaar maken tegen de verwerking, om redenen die met uw persoonlijke situatie te maken hebben; mail daarvoor ook naar ${contact}.`,
          'U kunt een klacht indienen bij de Autoriteit Persoonsgegevens.',
        ],
      },
    ];
  }
  return [
    {
      heading: 'Who is responsible',
      paragraphs: [
        `${organisation} is responsible for your personal information (the data controller). Questions? Email ${contact}.`,
      ],
    },
    {
      heading: 'What information',
      paragraphs: [
        `Your first name, last name, company and, if you came by car, your licence plate. ${cameras ? 'Cameras in and around the building record video.' : 'There are no cameras at this entrance: we make no camera recordings of you here.'}`,
        `If you were invited, your host gave this information to reception in advance, with the date of your visit${facts.hostNotice ? ' and whom you visit' : ''}. We do not keep your e-mail address.`,
        ...(facts.hostNotice
          ? [
              'If you choose whom you visit when you sign in, that person gets an e-mail with your first name and company, and your visit records whom you visited.',
            ]
          : []),
      ],
    },
    {
      heading: 'Why',
      paragraphs: [
        'For the security of the building (internal control and corporate security): we know who is inside and who was. A list of who is inside during an evacuation is part of that.',
      ],
    },
    {
      heading: 'Legal basis',
      paragraphs: [
        `Legitimate interest: the interest of ${organisation} in protecting its property. We therefore do not ask for your consent; you only confirm that you have read this information.`,
      ],
    },
    {
      heading: 'Who has access',
      paragraphs: [
        `Only employees of ${organisation} who need this information for their work. The suppliers of our systems may also process it; ask ${contact} for details.`,
        ...(facts.hostNotice
          ? [
              'The person you visit gets an e-mail with your first name and company when you sign in. That e-mail stays in their mailbox, outside this system.',
            ]
          : []),
      ],
    },
    {
      heading: 'How long',
      paragraphs: [
        `We keep your contact details for at most ${visitPeriod} after your visit${footageSentence.en}.`,
        'Longer only where a legal obligation requires us to keep your data longer, or where keeping it longer is really necessary for carrying out our activities (for example after an incident in the building). We then record which of the two applies and why, and regularly review whether it is still needed.',
        `If you do not come on the day of your invitation, we erase the data given in advance ${invitationPeriod.en} after that day.`,
      ],
    },
    {
      heading: 'Needed to enter',
      paragraphs: [
        'Without this information we cannot let you into the building. If you would rather not give it, please speak to the receptionist.',
      ],
    },
    {
      heading: 'Your rights',
      paragraphs: [
        `You can ask to see, correct or erase your personal information, or to restrict how we use it: email ${contact}.`,
        `You can also object to how we use it, on grounds relating to your particular situation; email ${contact} for that too.`,
        'You can lodge a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
      ],
    },
  ];
}
