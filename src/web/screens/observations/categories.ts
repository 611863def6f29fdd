/** The association's categories, kept on the phone so the capture screen works without a connection. */
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api.js';
import type { Category } from '../../../shared/api/observations.js';

const CACHE = 'grannstod.categories';

export function useCategories(): Category[] | null {
  const [list, setList] = useState<Category[] | null>(() => {
    const cached = localStorage.getItem(CACHE);
    return cached ? (JSON.parse(cached) as Category[]) : null;
  });
  useEffect(() => {
    get<Category[]>('/api/observation-categories')
      .then((fresh) => {
        localStorage.setItem(CACHE, JSON.stringify(fresh));
        setList(fresh);
      })
      .catch(() => undefined);
  }, []);
  return list?.filter((c) => c.enabled) ?? null;
}
