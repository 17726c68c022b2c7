import type { KioskConfig } from '../../../shared/config';
import type { Handlers } from '../router';
import { UserError } from '../user-error';
import { inspectRecorders, RecorderRootError } from './inspect-recorders';

/** The admin's view of what the recorder layouts read from the footage root. */
export function createRecorderHandlers({ config }: { config: KioskConfig }): Pick<Handlers, 'recorders.inspect'> {
  return {
    'recorders.inspect': async () => {
      const root = config.footage.root;
      if (!root) throw new UserError({ key: 'footage.noRoot' });
      try {
        return await inspectRecorders(config, root);
      } catch (error) {
        if (error instanceof RecorderRootError) throw new UserError({ key: 'recorders.rootUnavailable' });
        throw error;
      }
    },
  };
}
