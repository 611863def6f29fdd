/** Loads data for a screen and reloads on demand; errors become a message, never a blank screen. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, get } from '../api.js';
import { t } from '../i18n.js';

export function useLoad<T>(url: string | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!url) return;
    get<T>(url)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => setError(err instanceof ApiError ? err.title : t('app.error')));
  }, [url]);
  useEffect(reload, [reload]);
  return { data, error, reload, setData };
}
