import type { Command } from './command';
import { auditCommands } from './audit-commands';
import { footageBacklogCommands } from './footage-backlog-commands';
import { footageCommands } from './footage-commands';
import { healthCommands } from './health-commands';
import { holdsCommands } from './holds-commands';
import { invitationCommands } from './invitations-commands';
import { privacyCommands } from './privacy-commands';
import { retentionCommands } from './retention-commands';
import { settingsCommands } from './settings-commands';
import { staffCommands } from './staff-commands';
import { visitCommands } from './visits-commands';

/** Every command of the CLI, in the order `kiosk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  ...visitCommands,
  ...invitationCommands,
  ...staffCommands,
  ...auditCommands,
  ...retentionCommands,
  ...healthCommands,
  ...holdsCommands,
  ...footageCommands,
  ...footageBacklogCommands,
  ...privacyCommands,
  ...settingsCommands,
];
