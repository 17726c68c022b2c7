import { useCallback, useState } from 'react';
import { translate, type Language } from '../../../shared/messages';
import type { ApiError, Result } from '../../../shared/result';
import { useSingleFlight } from '../../use-single-flight';
import { useStillMounted } from '../../use-still-mounted';
import { announceDeskChanged } from './desk-changed';

/**
 * One button's call to the core: busy while it runs, the translated error when it fails, the list
 * loaded again afterwards. A failure is never shown as a success: `run` resolves to the result, or
 * to `undefined` for a second tap while the first call still runs (that one is not sent).
 */
export function useAction(language: Language, reload?: () => Promise<void>) {
  const { busy, start } = useSingleFlight();
  const [error, setError] = useState<ApiError | null>(null);
  const stillMounted = useStillMounted();

  const run = useCallback(
    <T>(call: () => Promise<Result<T>>): Promise<Result<T> | undefined> =>
      start(async () => {
        const result = await call();
        if (result.ok) announceDeskChanged();
        if (stillMounted()) setError(result.ok ? null : result.error);
        if (reload) await reload();
        return result;
      }),
    [reload, start, stillMounted],
  );

  const message = error ? translate(error.key, language, error.params) : null;
  return { busy, error, message, run, clearError: () => setError(null) };
}
