/** The kiosk's two languages. */
export type Language = 'nl' | 'en';
