/** The staffing board: a week or a month at a glance, each shift marked staffed, short, empty or cancelled in words and colour. */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { addDays, formatDay, thisMonday, timeSpan } from '../../shift-format.js';
import type { Board as BoardData } from '../../../shared/api/shifts.js';
import { WeekNav } from './Shifts.js';
import { StaffingBadge } from './ShiftCard.js';

export function Board() {
  const [span, setSpan] = useState<7 | 28>(7);
  const [monday, setMonday] = useState(thisMonday());
  const last = addDays(monday, span - 1);
  const { data, error } = useLoad<BoardData>(`/api/staffing-board?from=${monday}&to=${last}`);
  return (
    <Shell title={t('board.title')}>
      <div class="button-row" role="group" aria-label={t('board.span')}>
        <button type="button" class={span === 7 ? 'primary' : 'secondary'} aria-pressed={span === 7} onClick={() => setSpan(7)}>
          {t('board.week')}
        </button>
        <button type="button" class={span === 28 ? 'primary' : 'secondary'} aria-pressed={span === 28} onClick={() => setSpan(28)}>
          {t('board.fourWeeks')}
        </button>
      </div>
      <p class="period">{t('shifts.week', { from: formatDay(monday), to: formatDay(last) })}</p>
      <WeekNav monday={monday} onMonday={setMonday} days={span} />
      <Alert message={error} />
      {data && (
        <>
          <p class="totals" role="status">
            {t('board.totals', data.totals)}
          </p>
          <ul class="board">
            {data.days.map((d) => (
              <li key={d.date} class="board-day">
                <h2>{formatDay(d.date)}</h2>
                {d.shifts.length === 0 ? (
                  <p class="muted">{t('board.noShifts')}</p>
                ) : (
                  <ul class="board-shifts">
                    {d.shifts.map((s) => (
                      <li key={s.id} class={`board-shift shift-${s.staffing}`}>
                        <a href={`/shifts/${s.id}`}>
                          {timeSpan(s.startsAt, s.endsAt)} · {s.vehicleName}
                        </a>{' '}
                        <StaffingBadge shift={s} /> {s.crewCount}/{s.crewMax}
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
