/**
 * "3 väntar på att skickas": always visible while anything is left on the
 * phone, with what the server refused; and "Allt är skickat" for a while once
 * the queue empties. The live region stays on the page, empty, so a screen
 * reader announces each change (one added after the change is not read).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { discardQueued, retryQueued, waiting } from './sync.js';

const SENT_SHOWN_MS = 8000;

export function WaitingBanner() {
  const items = waiting.value;
  const [allSent, setAllSent] = useState(false);
  const before = useRef(items.length);
  useEffect(() => {
    const emptied = before.current > 0 && items.length === 0;
    before.current = items.length;
    if (!emptied) return;
    setAllSent(true);
    const timer = setTimeout(() => setAllSent(false), SENT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [items.length]);
  if (items.length === 0)
    return (
      // A plain live region, not role=status: it is on every screen, empty most of the time.
      <div class={allSent ? 'sync-done' : undefined} aria-live="polite">
        {allSent && <p>{t('observe.allSent')}</p>}
      </div>
    );
  const refused = items.filter((i) => i.error);
  return (
    <div class="waiting" role="status">
      <p>{t('observe.waiting', { n: items.length })}</p>
      {refused.map((i) => (
        <div key={i.id} class="refused">
          <p>{t('observe.refused', { error: i.error! })}</p>
          <div class="button-row">
            <button type="button" class="secondary" onClick={() => void retryQueued(i.id)}>
              {t('observe.retry')}
            </button>
            <button type="button" class="secondary" onClick={() => void discardQueued(i.id)}>
              {t('observe.discard')}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
