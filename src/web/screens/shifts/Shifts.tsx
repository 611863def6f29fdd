/** Körpass: a week at a time, every shift with its staffing and a one-tap sign-up; or only the member's own. */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { Checkbox } from '../../components/Field.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { addDays, formatDay, localDate, today } from '../../shift-format.js';
import type { Shift } from '../../../shared/api/shifts.js';
import { ShiftCard } from './ShiftCard.js';

/** A week at a time from the first day shown; the middle button goes back to today. */
export function WeekNav({ from, onFrom, days = 7 }: { from: string; onFrom: (d: string) => void; days?: number }) {
  return (
    <div class="button-row week-nav">
      <button type="button" class="secondary" onClick={() => onFrom(addDays(from, -days))}>
        {t('shifts.previous')}
      </button>
      <button type="button" class="secondary" onClick={() => onFrom(today())}>
        {t('shifts.fromToday')}
      </button>
      <button type="button" class="secondary" onClick={() => onFrom(addDays(from, days))}>
        {t('shifts.next')}
      </button>
    </div>
  );
}

export function Shifts() {
  // From today, not from Monday: on a Sunday the week ahead is what a volunteer looks for, not six days gone.
  const [from, setFrom] = useState(today());
  const [mine, setMine] = useState(false);
  const to = addDays(from, 6);
  const { data, error, setData } = useLoad<Shift[]>(`/api/shifts?from=${from}&to=${to}${mine ? '&mine=true' : ''}`);
  const replace = (s: Shift) => setData((data ?? []).map((x) => (x.id === s.id ? s : x)));
  const days = [...new Set((data ?? []).map((s) => localDate(s.startsAt)))];
  return (
    <Shell title={t('shifts.title')}>
      <p class="period">{t('shifts.week', { from: formatDay(from), to: formatDay(to) })}</p>
      <WeekNav from={from} onFrom={setFrom} />
      <Checkbox name="mine" label={t('shifts.onlyMine')} checked={mine} onChecked={setMine} />
      <Alert message={error} />
      {data?.length === 0 && <p>{t('shifts.none')}</p>}
      {days.map((day) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatDay(day)}</h2>
          <ul class="cards">
            {data!
              .filter((s) => localDate(s.startsAt) === day)
              .map((s) => (
                <ShiftCard key={s.id} shift={s} onChange={replace} />
              ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}
