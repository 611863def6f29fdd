/** "3 väntar på att skickas": always visible while anything is left on the phone, with what the server refused. */
import { t } from '../i18n.js';
import { discardQueued, retryQueued, waiting } from './sync.js';

export function WaitingBanner() {
  const items = waiting.value;
  if (items.length === 0) return null;
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
