import type { Language } from '../../../shared/messages';

/** The staff accounts tab's own texts (the shared labels are still in texts.ts). */
export const staffAccountsText = {
  nl: {
    staffTitle: 'Medewerkers',
    addStaff: 'Medewerker toevoegen',
    role: 'Rol',
    disable: 'Uitschakelen',
    enable: 'Inschakelen',
    resetPin: 'Nieuwe pincode',
    pinSaved: 'De nieuwe pincode is opgeslagen.',
    disabled: 'uitgeschakeld',
    active: 'actief',
    staffNumberColumn: 'Nr.',
    added: (name: string, staffNumber: number) =>
      `${name} is toegevoegd met medewerkernummer ${staffNumber}. Geef dit nummer en de pincode persoonlijk door.`,
    disableAccount: (name: string) => `${name} uitschakelen`,
    enableAccount: (name: string) => `${name} inschakelen`,
    disableQuestion: (name: string) => `${name} uitschakelen? Deze persoon kan dan niet meer ontgrendelen.`,
    confirmDisable: 'Ja, uitschakelen',
    newPinFor: (name: string) => `Nieuwe pincode voor ${name}`,
    savePin: 'Nieuwe pincode opslaan',
    savePinFor: (name: string) => `Nieuwe pincode opslaan voor ${name}`,
  },
  en: {
    staffTitle: 'Staff',
    addStaff: 'Add a staff member',
    role: 'Role',
    disable: 'Disable',
    enable: 'Enable',
    resetPin: 'New PIN',
    pinSaved: 'The new PIN has been saved.',
    disabled: 'disabled',
    active: 'active',
    staffNumberColumn: 'No.',
    added: (name: string, staffNumber: number) =>
      `${name} has been added with staff number ${staffNumber}. Pass on this number and the PIN in person.`,
    disableAccount: (name: string) => `Disable ${name}`,
    enableAccount: (name: string) => `Enable ${name}`,
    disableQuestion: (name: string) => `Disable ${name}? They will no longer be able to unlock.`,
    confirmDisable: 'Yes, disable',
    newPinFor: (name: string) => `New PIN for ${name}`,
    savePin: 'Save new PIN',
    savePinFor: (name: string) => `Save new PIN for ${name}`,
  },
} satisfies Record<Language, unknown>;
