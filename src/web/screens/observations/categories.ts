/** The association's categories, kept on the phone so the capture screen works without a connection. */
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { language } from '../../i18n.js';
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

/** A category's name in the member's language, after its parent's for a subcategory ("Klotter › På skola"). */
export function categoryLabel(c: Category, all: Category[], lang: 'sv' | 'en' = language.value === 'en' ? 'en' : 'sv'): string {
  const own = lang === 'en' ? c.labelEn : c.labelSv;
  const parent = c.parentId ? all.find((p) => p.id === c.parentId) : undefined;
  return parent ? `${categoryLabel(parent, all, lang)} › ${own}` : own;
}
