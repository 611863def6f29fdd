/** Calendar addresses: the member's own shifts, or a car's, to subscribe to in Google, Apple or Outlook calendars. */
import { useState } from 'preact/hooks';
import { ApiError, del, post } from '../api.js';
import { Select } from '../components/Field.js';
import { Alert } from '../components/Form.js';
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import type { CalendarFeed } from '../../shared/api/calendar.js';
import type { Vehicle } from '../../shared/api/vehicles.js';

export function CalendarFeeds() {
  const feeds = useLoad<CalendarFeed[]>('/api/calendar-feeds');
  const vehicles = useLoad<Vehicle[]>('/api/vehicles');
  const [which, setWhich] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      feeds.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.title : t('app.error'));
    }
  };
  const copy = async (f: CalendarFeed) => {
    await navigator.clipboard?.writeText(f.url).catch(() => undefined);
    setCopied(f.id);
  };
  return (
    <section aria-labelledby="calendar">
      <h2 id="calendar">{t('calendar.title')}</h2>
      <p>{t('calendar.help')}</p>
      <Alert message={error ?? feeds.error} />
      <ul class="cards">
        {feeds.data?.map((f) => (
          <li key={f.id} class="card">
            <p class="card-title">{f.vehicleName ? t('calendar.carFeed', { car: f.vehicleName }) : t('calendar.myShifts')}</p>
            <label class="hint feed-label" for={`feed-${f.id}`}>
              {t('calendar.address')}
            </label>
            <input id={`feed-${f.id}`} class="feed-url" readOnly value={f.url} onFocus={(e) => (e.target as HTMLInputElement).select()} />
            <div class="button-row">
              <button type="button" class="secondary" onClick={() => void copy(f)}>
                {copied === f.id ? t('calendar.copied') : t('calendar.copy')}
              </button>
              <button type="button" class="secondary" onClick={() => void run(() => post('/api/calendar-feeds', { vehicleId: f.vehicleId }))}>
                {t('calendar.renew')}
              </button>
              <button type="button" class="secondary" onClick={() => void run(() => del(`/api/calendar-feeds/${f.id}`))}>
                {t('calendar.revoke')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <Select
        name="calendar-which"
        label={t('calendar.which')}
        value={which}
        onValue={setWhich}
        options={[
          { value: '', label: t('calendar.myShifts') },
          ...(vehicles.data ?? []).map((v) => ({ value: v.id, label: t('calendar.carFeed', { car: v.name }) })),
        ]}
      />
      <p>
        <button type="button" class="primary" onClick={() => void run(() => post('/api/calendar-feeds', { vehicleId: which || null }))}>
          {t('calendar.create')}
        </button>
      </p>
    </section>
  );
}
