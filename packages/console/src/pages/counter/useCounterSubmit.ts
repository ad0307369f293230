import { useState } from 'react';
import { errorText } from '../../api/client';

/**
 * A counter form's submit: busy while it runs, and the Chinese error kept for the page to show.
 */
export function useCounterSubmit<V>(action: (values: V) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await action(values);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
