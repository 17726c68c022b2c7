// Every message a user can see, keyed, in Dutch and English. Errors cross the API as keys, never as
// prose or stack traces, so each shell renders them in the visitor's language.
import type { Language } from './language';
import { runReasonMessages } from './run-reasons';

export type { Language } from './language';

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
  'invitation.codeInvalid': {
    nl: 'Een uitnodigingscode bestaat uit 8 letters en cijfers. Geen code bij de hand? Typ uw voornaam en achternaam.',
    en: 'An invitation code has 8 letters and digits. No code at hand? Type your first and last name.',
  },
  'invitation.unknownCode': {
    nl: 'Deze uitnodigingscode kennen wij vandaag niet. Controleer de code en de datum, typ uw voornaam en achternaam, of meld u bij de receptie.',
    en: 'We do not know this invitation code today. Check the code and the date, type your first and last name, or ask at the reception desk.',
  },
  'invitation.tooManyTries': {
    nl: 'Te veel onbekende codes. Probeer het over {seconds} seconden opnieuw, of meld u bij de receptie.',
    en: 'Too many unknown codes. Try again in {seconds} seconds, or ask at the reception desk.',
  },
  'invitation.dateInvalid': {
    nl: 'Vul een geldige datum in, vandaag of later.',
    en: 'Enter a date such as 2026-12-01, today or later.',
  },
  'invitation.csvInvalid': {
    nl: 'Regel {row} van het CSV-bestand klopt niet; er is niets toegevoegd.',
    en: 'Line {row} of the CSV file is not right; nothing was added.',
  },
  'invitation.csvEmpty': {
    nl: 'Het CSV-bestand bevat geen bezoekers (kolommen: Voornaam, Tussenvoegsel, Achternaam, Bedrijf, Kenteken, Gastheer, Datum).',
    en: 'The CSV file holds no visitors (columns: First name, Last name, Company, Plate, Host, Date).',
  },
  'invitation.noFreeCode': {
    nl: 'Er kon geen uitnodigingscode worden gemaakt. Probeer het opnieuw.',
    en: 'No invitation code could be made. Please try again.',
  },
  'badge.unavailable': {
    nl: 'Er kan geen badge worden afgedrukt. Vraag de receptie om een badge.',
    en: 'No badge can be printed. Please ask the receptionist for one.',
  },
  'badge.printFailed': {
    nl: 'De badge kon niet worden afgedrukt. Vraag de receptie om een badge.',
    en: 'The badge could not be printed. Please ask the receptionist for one.',
  },
  'host.emailInvalid': { nl: 'Vul een geldig e-mailadres in.', en: 'Enter a valid e-mail address.' },
  'host.queryTooShort': { nl: 'Typ minstens 3 letters.', en: 'Type at least 3 letters.' },
  'host.tooManySuggestions': {
    nl: 'Even geduld: probeer het over een minuut opnieuw, of meld u bij de receptie.',
    en: 'Please wait a minute and try again, or ask at the reception desk.',
  },
  'host.unavailable': {
    nl: 'Het bericht aan uw gastheer kon niet worden verstuurd. Meld u bij de receptie.',
    en: 'Your host could not be told. Please ask at the reception desk.',
  },
  'host.unknown': {
    nl: 'Deze persoon staat niet (meer) in de lijst.',
    en: 'This person is not (or no longer) listed.',
  },
  'host.tooLong': { nl: 'Maximaal 120 tekens.', en: 'At most 120 characters.' },
  'pin.invalid': { nl: 'Een pincode bestaat uit 6 tot 12 cijfers.', en: 'A PIN has 6 to 12 digits.' },
  'pin.trivial': {
    nl: 'Deze pincode is te makkelijk te raden (één cijfer herhaald of een reeks zoals 123456). Kies een andere.',
    en: 'This PIN is too easy to guess (one digit repeated or a run such as 123456). Choose another.',
  },
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
  'staff.tryAgainShortly': {
    nl: 'Er zijn net veel onjuiste pincodes ingevoerd. Probeer het over {seconds} seconden opnieuw.',
    en: 'Many wrong PINs were just entered. Try again in {seconds} seconds.',
  },
  'staff.unknown': { nl: 'Deze medewerker bestaat niet (meer).', en: 'This staff member does not exist (any more).' },
  'staff.adminExists': {
    nl: 'De kiosk is al ingericht. Laat een beheerder u toevoegen; een ontbrekende beheerder zet IT terug via de opdrachtregel.',
    en: 'The kiosk is already set up. Ask an administrator to add you; IT restores a missing administrator from the command line.',
  },
  'staff.nameTaken': {
    nl: 'Er is al een actieve medewerker met deze naam. Voeg iets toe, zoals een afdeling of een initiaal.',
    en: 'There is already an active staff member with this name. Add something, such as a department or an initial.',
  },
  'staff.lastAdmin': {
    nl: 'Dit is de laatste actieve beheerder; die kan niet worden uitgeschakeld.',
    en: 'This is the last active administrator, who cannot be disabled.',
  },
  'visit.notOnSite': {
    nl: 'Deze bezoeker is al afgemeld.',
    en: 'This visitor has already signed out.',
  },
  'visit.undoExpired': {
    nl: 'Deze afmelding kan niet meer ongedaan worden gemaakt (dat kan 10 seconden lang, alleen voor een afmelding door de receptie).',
    en: 'This sign-out can no longer be undone (that is possible for 10 seconds, only for a sign-out made at the desk).',
  },
  'visit.unknown': { nl: 'Dit bezoek bestaat niet (meer).', en: 'This visit does not exist (any more).' },
  'hold.unknown': { nl: 'Deze bewaarplicht bestaat niet.', en: 'This legal hold does not exist.' },
  'hold.fileAlreadyHeld': {
    nl: 'Dit bestand valt al onder een bewaarplicht (zie de lijst met bewaarplichten). Verzet zo nodig daar de herbeoordelingsdatum.',
    en: 'This file is already under a legal hold (see the list of legal holds). Move that hold’s review date there if needed.',
  },
  'hold.alreadyReleased': {
    nl: 'Deze bewaarplicht is al opgeheven.',
    en: 'This legal hold has already been released.',
  },
  'hold.endInPast': { nl: 'De einddatum ligt in het verleden.', en: 'The end date lies in the past.' },
  'hold.reasonRequired': { nl: 'Geef een reden op.', en: 'Give a reason.' },
  'hold.basisRequired': {
    nl: 'Kies de grond: een wettelijke plicht, of nodig voor onze activiteiten.',
    en: 'Choose the ground: a legal obligation, or necessary for our activities.',
  },
  'hold.reviewInPast': { nl: 'De herbeoordelingsdatum ligt in het verleden.', en: 'The review date lies in the past.' },
  'hold.reviewTooLate': {
    nl: 'De herbeoordelingsdatum ligt verder vooruit dan de ingestelde maximale termijn (standaard een jaar).',
    en: 'The review date lies further ahead than the configured maximum (one year by default).',
  },
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
  'recorders.rootUnavailable': {
    nl: 'De map voor camerabeelden is er niet of kan niet worden gelezen.',
    en: 'The footage folder is missing or cannot be read.',
  },
  'footage.unknownFile': {
    nl: 'Dit bestand bestaat niet (meer).',
    en: 'This file does not exist (any more).',
  },
  'footage.backlogChanged': {
    nl: 'Wat verwijderd zou worden is intussen veranderd. Bekijk het overzicht opnieuw.',
    en: 'What would be deleted has changed since. Look at the overview again.',
  },
  'text.controlCharacters': {
    nl: 'Onzichtbare tekens, stuurtekens en regeleinden zijn hier niet toegestaan.',
    en: 'Invisible characters, control characters and line breaks are not allowed here.',
  },
  'privacy.purposeRequired': { nl: 'Kies het doel van deze zoekopdracht.', en: 'Choose the purpose of this search.' },
  'privacy.queryRequired': {
    nl: 'Vul een naam, bedrijf of kenteken in.',
    en: 'Enter a name, company or licence plate.',
  },
  'privacy.invalidDate': { nl: 'Vul een datum in als 2026-11-24.', en: 'Enter a date such as 2026-11-24.' },
  'privacy.dateRangeReversed': {
    nl: 'De einddatum ligt voor de begindatum.',
    en: 'The end date lies before the start date.',
  },
  'privacy.noVisitsChosen': { nl: 'Kies eerst een of meer bezoeken.', en: 'Choose one or more visits first.' },
  'privacy.reasonRequired': {
    nl: 'Geef een reden op (zonder namen), zoals het kenmerk van het verzoek.',
    en: 'Give a reason (without names), such as the reference of the request.',
  },
  'privacy.nothingToCorrect': { nl: 'Vul in wat er verbeterd moet worden.', en: 'Fill in what needs correcting.' },
  'privacy.visitHeld': {
    nl: 'Bezoek {visitId} valt onder een bewaarplicht en kan pas worden gewist als die is opgeheven. Er is niets gewist.',
    en: 'Visit {visitId} is under a legal hold and cannot be erased until the hold is released. Nothing was erased.',
  },
  'privacy.unknownVisit': {
    nl: 'Bezoek {visitId} bestaat niet (meer). Er is niets gewijzigd.',
    en: 'Visit {visitId} does not exist (any more). Nothing was changed.',
  },
  'privacy.chooseFootage': {
    nl: 'Kies een bezoek of de bestanden die u wilt exporteren.',
    en: 'Choose a visit or the files to export.',
  },
  'privacy.footageOutsideVisit': {
    nl: 'De privacyrol ziet alleen de beelden van de gekozen bezoeken. Andere beelden zijn voor beveiliging of beheer.',
    en: 'The privacy role sees only the footage of the chosen visits. Other footage is for security or an administrator.',
  },
  'privacy.unknownExpectedVisit': {
    nl: 'Verwacht bezoek {expectedId} bestaat niet (meer). Er is niets gewijzigd.',
    en: 'Expected visit {expectedId} does not exist (any more). Nothing was changed.',
  },
  'privacy.noFootage': { nl: 'Er zijn geen camerabeelden om te exporteren.', en: 'There is no footage to export.' },
  'privacy.footageUnavailable': {
    nl: 'Een bestand is niet (meer) te lezen of ligt buiten de map voor camerabeelden. Er is niets geëxporteerd.',
    en: 'A file cannot be read (any more) or lies outside the footage folder. Nothing was exported.',
  },
  'privacy.noExportFolder': {
    nl: 'Er is geen exportmap ingesteld (privacy.exportFolder). Exporteer via de opdrachtregel.',
    en: 'No export folder is configured (privacy.exportFolder). Export from the command line.',
  },
  'privacy.outsideExportFolder': {
    nl: 'Een export gaat alleen naar de exportmap (privacy.exportFolder) of een map daarin.',
    en: 'An export goes only into the export folder (privacy.exportFolder) or a folder inside it.',
  },
  'privacy.holdTermsRequired': {
    nl: 'Kies voor een politieverzoek de grondslag van de bewaarplicht op de originelen.',
    en: 'For a police request, choose the ground of the hold on the originals.',
  },
  'privacy.exportNotErased': {
    nl: 'Export {exportId} kon niet uit de exportmap worden verwijderd. Er is niets gewist; probeer het opnieuw.',
    en: 'Export {exportId} could not be removed from the export folder. Nothing was erased; try again.',
  },
  'privacy.exportFileExists': {
    nl: 'Er staat al een bestand met die naam in de exportmap. Kies een andere naam.',
    en: 'A file of that name already exists in the export folder. Choose another name.',
  },
  'privacy.exportFolderNotEmpty': {
    nl: 'De doelmap bestaat al en is niet leeg. Kies een nieuwe map.',
    en: 'The target folder exists and is not empty. Choose a new folder.',
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
  'visit.nameNotFound': {
    nl: 'Dat lukte niet met deze naam. Vraag de receptie om u af te melden.',
    en: 'That did not work with this name. Please ask the receptionist to sign you out.',
  },
  'invitation.nameNotFound': {
    nl: 'Wij vinden uw uitnodiging niet met deze naam. Typ uw voornaam en achternaam zoals in de uitnodiging, of de code, of meld u bij de receptie.',
    en: 'We cannot find your invitation by this name. Type your first and last name as in the invitation, or the code, or ask at the reception desk.',
  },
  'visit.signOutThrottled': {
    nl: 'Te veel onbekende afmeldcodes op dit scherm. Vraag de receptie om u af te melden.',
    en: 'Too many unknown sign-out codes at this screen. Please ask the receptionist to sign you out.',
  },
  'visit.signInThrottled': {
    nl: 'Er zijn net veel bezoekers aangemeld op dit scherm. Wacht een minuut of meld u bij de receptie.',
    en: 'Many visitors just signed in at this screen. Please wait a minute or speak to the receptionist.',
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
  'device.notEnrolled': {
    nl: 'Dit apparaat is niet (meer) aangemeld bij de kiosk. Vraag een beheerder om een aanmeldcode.',
    en: 'This device is not (or no longer) enrolled at the kiosk. Ask an admin for an enrolment code.',
  },
  'device.codeWrong': {
    nl: 'Deze aanmeldcode klopt niet, is verlopen of al gebruikt.',
    en: 'This enrolment code is wrong, expired or already used.',
  },
  'device.enrolmentThrottled': {
    nl: 'Te veel verkeerde aanmeldcodes. Wacht een minuut en probeer het opnieuw.',
    en: 'Too many wrong enrolment codes. Wait a minute and try again.',
  },
  'device.enrolmentClosed': {
    nl: 'Aanmelden van apparaten is gesloten na te veel verkeerde codes. Een beheerder kan het weer openen.',
    en: 'Enrolling devices is closed after too many wrong codes. An admin can open it again.',
  },
  'device.consoleOnly': {
    nl: 'Een apparaat meldt u aan via de console in de browser van dat apparaat.',
    en: 'A device is enrolled through the console in that device’s own browser.',
  },
  'device.notFound': { nl: 'Dit apparaat bestaat niet.', en: 'This device does not exist.' },
  'lobby.viewClosed': {
    nl: 'Dit onderdeel opent niet op een scherm in de hal. Gebruik een werkplek.',
    en: 'This view does not open on a lobby screen. Use a desk.',
  },
  internal: {
    nl: 'Er ging iets mis. Er is niets opgeslagen. Meld u bij de receptie.',
    en: 'Something went wrong. Nothing was saved. Please speak to the receptionist.',
  },
  ...runReasonMessages,
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
