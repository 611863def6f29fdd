/**
 * Long lists a page at a time: the first part, and a button for the next.
 * A year's driving log or the outbox ran to 45,000 px on a phone; now the
 * newest come first and the rest a tap away. Focus stays on the button, and
 * the count says how many are shown.
 */
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { t } from '../i18n.js';

export function usePaged<T>(items: T[] | null | undefined, size = 20) {
  const [shown, setShown] = useState(size);
  const all = items ?? [];
  return { page: all.slice(0, shown), more: all.length - shown, showMore: () => setShown(shown + size), total: all.length };
}

export function ShowMore({ more, total, shown, onMore }: { more: number; total: number; shown: number; onMore: () => void }): ComponentChildren {
  if (more <= 0) return null;
  return (
    <div class="show-more">
      <p aria-live="polite">{t('list.shown', { shown, total })}</p>
      <button type="button" class="secondary" onClick={onMore}>
        {t('list.more', { n: Math.min(more, 20) })}
      </button>
    </div>
  );
}
