import type { Language } from '../../../shared/messages';

const nl = {
  timelineTitle: 'Tijdlijn per camera en dag',
  camera: 'Camera',
  date: 'Dag',
  moment: 'Tijdstip (uu:mm:ss)',
  playFromMoment: 'Afspelen vanaf dit tijdstip',
  barLabel: (camera: string, date: string) => `Opnamen van ${camera} op ${date}; kies een tijdstip om af te spelen`,
  summary: (files: number, gaps: number) => `${files} opnamen, ${gaps} onderbrekingen`,
  noRecordings: 'Geen opnamen op deze dag.',
  nothingAfter: 'Geen opname op of na dit tijdstip.',
  fromNext: (time: string) => `Geen opname op dat tijdstip; afspelen vanaf de volgende opname (${time}).`,
  legendRecording: 'opname',
  legendHeld: 'vastgehouden',
  legendHold: 'periode met een bewaarplicht',
  holdThisFile: 'Dit bestand vasthouden',
  place: 'Vasthouden',
  cancel: 'Annuleren',
  reasonFor: (name: string) => `Reden om ${name} vast te houden`,
  heldNow: 'Vastgehouden.',
};

export type FootageTimelineText = typeof nl;

const en: FootageTimelineText = {
  timelineTitle: 'Timeline per camera and day',
  camera: 'Camera',
  date: 'Day',
  moment: 'Moment (hh:mm:ss)',
  playFromMoment: 'Play from this moment',
  barLabel: (camera, date) => `Recordings of ${camera} on ${date}; choose a moment to play`,
  summary: (files, gaps) => `${files} recordings, ${gaps} gaps`,
  noRecordings: 'No recordings on this day.',
  nothingAfter: 'No recording at or after this moment.',
  fromNext: (time) => `No recording at that moment; playing from the next recording (${time}).`,
  legendRecording: 'recording',
  legendHeld: 'held',
  legendHold: 'period under a hold',
  holdThisFile: 'Hold this file',
  place: 'Hold',
  cancel: 'Cancel',
  reasonFor: (name) => `Reason to hold ${name}`,
  heldNow: 'Held.',
};

export const footageTimelineText: Record<Language, FootageTimelineText> = { nl, en };
