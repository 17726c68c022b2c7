// What the CLI needs from the core to run a command, loaded with import() once the arguments are
// known to name one: `kiosk --help` and usage errors load neither the core nor the database.
export { ConfigError, loadConfigFile } from '../core/config-file';
export { DatabaseTooNewError, NotADatabaseError } from '../core/database';
export { createKiosk } from '../core/kiosk';
