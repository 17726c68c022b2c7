// Every message a user can see, keyed, in Dutch and English. Errors cross the API as keys, never as
// prose or stack traces, so each shell renders them in the visitor's language.
export type Language = 'nl' | 'en';

export const errorMessages = {
  'name.required': { nl: 'Vul dit veld in.', en: 'Please fill in this field.' },
  'name.tooLong': { nl: 'Maximaal 80 tekens.', en: 'At most 80 characters.' },
  'name.invalidCharacters': {
    nl: "Alleen letters, spaties en ' - . zijn toegestaan.",
    en: "Only letters, spaces and ' - . are allowed.",
  },
  'company.tooLong': { nl: 'Maximaal 120 tekens.', en: 'At most 120 characters.' },
  'company.invalidCharacters': {
    nl: 'Deze tekens zijn niet toegestaan: < > en onzichtbare tekens.',
    en: 'These characters are not allowed: < > and invisible characters.',
  },
  'plate.invalid': {
    nl: 'Dit lijkt geen kenteken: gebruik 2 tot 12 letters en cijfers.',
    en: 'This does not look like a licence plate: use 2 to 12 letters and digits.',
  },
  'plate.required': {
    nl: 'Vul uw kenteken in, of zet het vinkje bij ‘Ik ben met de auto’ uit.',
    en: 'Please enter your licence plate, or untick ‘I came by car’.',
  },
  'date.incomplete': {
    nl: 'Vul een bestaande datum in: dag, maand en jaar (jjjj).',
    en: 'Enter a real date: day, month and year (yyyy).',
  },
  'dateTime.incomplete': {
    nl: 'Vul een bestaande datum en tijd in: dag, maand, jaar (jjjj), uur en minuten (24-uursklok).',
    en: 'Enter a real date and time: day, month, year (yyyy), hour and minutes (24-hour clock).',
  },
  'code.invalid': {
    nl: 'Een afmeldcode bestaat uit 6 letters en cijfers.',
    en: 'A sign-out code has 6 letters and digits.',
  },
  'pin.invalid': { nl: 'Een pincode bestaat uit 6 tot 12 cijfers.', en: 'A PIN has 6 to 12 digits.' },
  'pin.mismatch': { nl: 'De twee pincodes zijn niet gelijk.', en: 'The two PINs are not the same.' },
  'role.invalid': { nl: 'Kies een rol.', en: 'Choose a role.' },
  'staff.wrongPin': {
    nl: 'Deze pincode klopt niet.',
    en: 'This PIN is not correct.',
  },
  'staff.lockedOut': {
    nl: 'Te veel onjuiste pogingen. Probeer het over {minutes} minuten opnieuw.',
    en: 'Too many wrong attempts. Try again in {minutes} minutes.',
  },
  'staff.unknown': { nl: 'Deze medewerker bestaat niet (meer).', en: 'This staff member does not exist (any more).' },
  'staff.adminExists': {
    nl: 'Er is al een beheerder. Laat een beheerder u toevoegen.',
    en: 'An administrator already exists. Ask an administrator to add you.',
  },
  'staff.lastAdmin': {
    nl: 'Dit is de laatste actieve beheerder; die kan niet worden uitgeschakeld.',
    en: 'This is the last active administrator, who cannot be disabled.',
  },
  'visit.notOnSite': {
    nl: 'Deze bezoeker is al afgemeld.',
    en: 'This visitor has already signed out.',
  },
  'visit.unknown': { nl: 'Dit bezoek bestaat niet (meer).', en: 'This visit does not exist (any more).' },
  'hold.unknown': { nl: 'Deze bewaarplicht bestaat niet.', en: 'This legal hold does not exist.' },
  'hold.alreadyReleased': {
    nl: 'Deze bewaarplicht is al opgeheven.',
    en: 'This legal hold has already been released.',
  },
  'hold.endInPast': { nl: 'De einddatum ligt in het verleden.', en: 'The end date lies in the past.' },
  'hold.reasonRequired': { nl: 'Geef een reden op.', en: 'Give a reason.' },
  'hold.cameraRequired': { nl: 'Kies een camera.', en: 'Choose a camera.' },
  'hold.dateTimeRequired': { nl: 'Vul een datum en tijd in.', en: 'Enter a date and time.' },
  'hold.rangeEndNotAfterStart': {
    nl: 'Het einde van de periode moet na het begin liggen.',
    en: 'The end of the period must be after its start.',
  },
  'retention.notBlocked': { nl: 'Er wacht geen geblokkeerde opschoning.', en: 'No blocked purge is waiting.' },
  'footage.noRoot': {
    nl: 'Er is geen map voor camerabeelden ingesteld (footage.root).',
    en: 'No footage folder is configured (footage.root).',
  },
  'footage.unknownFile': {
    nl: 'Dit bestand bestaat niet (meer).',
    en: 'This file does not exist (any more).',
  },
  'field.invalid': { nl: 'Ongeldige invoer.', en: 'Invalid input.' },
  'validation.failed': {
    nl: 'Controleer de gemarkeerde velden.',
    en: 'Please check the highlighted fields.',
  },
  'notice.outdated': {
    nl: 'De privacyverklaring is gewijzigd. Lees hem opnieuw.',
    en: 'The privacy notice has changed. Please read it again.',
  },
  'visit.unknownCode': {
    nl: 'Deze afmeldcode kennen we niet. Controleer de code of meld u af bij de receptie.',
    en: 'We do not know this sign-out code. Check the code or sign out at the reception desk.',
  },
  'visit.alreadySignedOut': {
    nl: 'U bent al afgemeld met deze code.',
    en: 'You have already signed out with this code.',
  },
  'visit.noFreeCode': {
    nl: 'Er kon geen afmeldcode worden gemaakt. Meld u bij de receptie.',
    en: 'No sign-out code could be made. Please speak to the receptionist.',
  },
  'api.unknownChannel': { nl: 'Onbekende opdracht.', en: 'Unknown request.' },
  'api.forbidden': {
    nl: 'U heeft geen toegang tot deze gegevens.',
    en: 'You do not have access to this information.',
  },
  'api.unauthenticated': {
    nl: 'Ontgrendel eerst het medewerkersscherm.',
    en: 'Unlock the staff view first.',
  },
  'api.unreachable': {
    nl: 'De kiosk is even niet bereikbaar. Probeer het opnieuw of meld u bij de receptie.',
    en: 'The kiosk cannot be reached right now. Try again or speak to the receptionist.',
  },
  internal: {
    nl: 'Er ging iets mis. Er is niets opgeslagen. Meld u bij de receptie.',
    en: 'Something went wrong. Nothing was saved. Please speak to the receptionist.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof errorMessages;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}

export function translate(key: MessageKey, language: Language, params: Record<string, number> = {}): string {
  return errorMessages[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
