/** Says so when the phone has no connection: what is on screen may be old, and saving will fail. */
import { signal } from '@preact/signals';
import { t } from '../i18n.js';

const online = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
if (typeof window !== 'undefined') {
  window.addEventListener('online', () => (online.value = true));
  window.addEventListener('offline', () => (online.value = false));
}

export function OfflineBanner() {
  if (online.value) return null;
  return (
    <div class="offline" role="status">
      {t('app.offline')}
    </div>
  );
}
