/** The staffing board: a week or a month at a glance, each shift marked staffed, short, empty or cancelled in words and colour. */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { addDays, formatDay, isPast, thisMonday, timeSpan, today } from '../../shift-format.js';
import type { Board as BoardData } from '../../../shared/api/shifts.js';
import { StaffingBadge } from './ShiftCard.js';

/** The first and last day of the month a date falls in. */
function monthOf(date: string): { from: string; to: string } {
  const from = `${date.slice(0, 7)}-01`;
  const next = addDays(from, 32);
  return { from, to: addDays(`${next.slice(0, 7)}-01`, -1) };
}

export function Board() {
  const [span, setSpan] = useState<'week' | 'month'>('week');
  const [anchor, setAnchor] = useState(thisMonday());
  const { from, to } = span === 'week' ? { from: anchor, to: addDays(anchor, 6) } : monthOf(anchor);
  const { data, error } = useLoad<BoardData>(`/api/staffing-board?from=${from}&to=${to}`);
  const move = (step: -1 | 1) => setAnchor(span === 'week' ? addDays(anchor, 7 * step) : monthOf(addDays(step === 1 ? to : from, step)).from);
  const choose = (next: 'week' | 'month') => {
    setSpan(next);
    setAnchor(next === 'week' ? thisMonday() : monthOf(today()).from);
  };
  return (
    <Shell title={t('board.title')}>
      <div class="button-row" role="group" aria-label={t('board.span')}>
        <button type="button" class={span === 'week' ? 'primary' : 'secondary'} aria-pressed={span === 'week'} onClick={() => choose('week')}>
          {t('board.week')}
        </button>
        <button type="button" class={span === 'month' ? 'primary' : 'secondary'} aria-pressed={span === 'month'} onClick={() => choose('month')}>
          {t('board.month')}
        </button>
      </div>
      <p class="period">{t('shifts.week', { from: formatDay(from), to: formatDay(to) })}</p>
      <div class="button-row week-nav">
        <button type="button" class="secondary" onClick={() => move(-1)}>
          {t('shifts.previous')}
        </button>
        <button type="button" class="secondary" onClick={() => move(1)}>
          {t('shifts.next')}
        </button>
      </div>
      <Alert message={error} />
      {data && (
        <>
          {/* A month on a phone is long: it lists only the days that have shifts. */}
          <p class="totals" role="status">
            {t('board.totals', data.totals)}
          </p>
          <ul class="board">
            {data.days
              .filter((d) => span === 'week' || d.shifts.length > 0)
              .map((d) => (
                <li key={d.date} class="board-day">
                  <h2>{formatDay(d.date)}</h2>
                  {d.shifts.length === 0 ? (
                    <p class="muted">{t('board.noShifts')}</p>
                  ) : (
                    <ul class="board-shifts">
                      {d.shifts.map((s) => (
                        <li key={s.id} class={`board-shift shift-${s.staffing}${isPast(s) ? ' past' : ''}`}>
                          <a href={`/shifts/${s.id}`}>
                            {timeSpan(s.startsAt, s.endsAt)} · {s.vehicleName}
                          </a>{' '}
                          <StaffingBadge shift={s} /> {s.crewCount}/{s.crewMax}
                          {!s.vehicleInService && s.status === 'planned' && ` · ${t('shifts.carOut')}`}
                          {!s.hasDriver && s.status === 'planned' && ` · ${t('board.noDriver')}`}
                          {!s.hasLeader && s.status === 'planned' && ` · ${t('board.noLeader')}`}
                          {s.waitingCount > 0 && ` · ${t('shifts.waitingCount', { n: s.waitingCount })}`}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </Shell>
  );
}
