/** "Såg det för 20 minuter sedan": the time seen set back, for what is noted after the car has driven on. */
import { t } from '../../i18n.js';

const CHOICES = [0, 5, 10, 20, 30, 45, 60, 90, 120];

export function WhenSeen({ minutesAgo, onMinutesAgo }: { minutesAgo: number; onMinutesAgo: (m: number) => void }) {
  return (
    <div class="field">
      <label for="field-seen">{t('observe.whenSeen')}</label>
      <select id="field-seen" value={String(minutesAgo)} onChange={(e) => onMinutesAgo(Number((e.target as HTMLSelectElement).value))}>
        {CHOICES.map((m) => (
          <option key={m} value={String(m)}>
            {m === 0 ? t('observe.seenNow') : t('observe.seenAgo', { n: m })}
          </option>
        ))}
      </select>
    </div>
  );
}
