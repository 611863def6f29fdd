/** One shift as a card: when, which car, how staffed, and the member's one-tap sign-up or withdrawal. */
import { useState } from 'preact/hooks';
import { ApiError, post } from '../../api.js';
import { Alert, Notice } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { me } from '../../session.js';
import { formatDay, isPast, localDate, shiftPhase, staffingLabel, timeSpan } from '../../shift-format.js';
import type { Shift } from '../../../shared/api/shifts.js';

/** The sign-up buttons a member sees: plain, and as driver or leader when they hold that role and the crew lacks it. */
export function SignupButtons({ shift, onChange }: { shift: Shift; onChange: (s: Shift) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the last tap did, said and focused: the button tapped is gone, and focus must not fall to the page body. */
  const [done, setDone] = useState<{ n: number; text: string } | null>(null);
  const roles = me.value?.member.roles ?? [];
  const act = async (url: string, body: object = {}) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await post<Shift | { shift: Shift }>(url, body);
      const after = 'shift' in res ? res.shift : res;
      onChange(after);
      const text = t(after.mine === 'crew' ? 'shifts.signedUpNotice' : after.mine === 'waiting' ? 'shifts.queuedNotice' : 'shifts.withdrawnNotice');
      setDone((d) => ({ n: (d?.n ?? 0) + 1, text }));
    } catch (err) {
      setError(err instanceof ApiError ? err.title : t('app.error'));
    } finally {
      setBusy(false);
    }
  };
  const result = done && (
    <Notice key={done.n}>
      <p>{done.text}</p>
    </Notice>
  );
  if (shift.status !== 'planned' || Date.parse(shift.startsAt) <= Date.now()) return result;
  const label = `${shift.vehicleName} ${formatDay(localDate(shift.startsAt))} ${timeSpan(shift.startsAt, shift.endsAt)}`;
  if (shift.mine) {
    return (
      <>
        {result}
        <Alert message={error} />
        <button
          type="button"
          class="secondary"
          disabled={busy}
          aria-label={`${t(shift.mine === 'crew' ? 'shifts.withdraw' : 'shifts.leaveQueue')}: ${label}`}
          onClick={() => void act(`/api/shifts/${shift.id}/withdraw`)}
        >
          {t(shift.mine === 'crew' ? 'shifts.withdraw' : 'shifts.leaveQueue')}
        </button>
      </>
    );
  }
  const full = shift.crew.length >= shift.crewMax;
  const needDriver = !shift.crew.some((c) => c.asDriver) && roles.includes('driver');
  const needLeader = !shift.crew.some((c) => c.asLeader) && roles.includes('shift_leader');
  return (
    <>
      {result}
      <Alert message={error} />
      <div class="button-row">
        {full ? (
          <button
            type="button"
            class="primary"
            disabled={busy}
            aria-label={`${t('shifts.joinQueue')}: ${label}`}
            onClick={() => void act(`/api/shifts/${shift.id}/signup`, { waitingList: true })}
          >
            {t('shifts.joinQueue')}
          </button>
        ) : (
          <>
            {needDriver && (
              <button
                type="button"
                class="primary"
                disabled={busy}
                aria-label={`${t('shifts.signUpDriver')}: ${label}`}
                onClick={() => void act(`/api/shifts/${shift.id}/signup`, { asDriver: true })}
              >
                {t('shifts.signUpDriver')}
              </button>
            )}
            {needLeader && (
              <button
                type="button"
                class="primary"
                disabled={busy}
                aria-label={`${t('shifts.signUpLeader')}: ${label}`}
                onClick={() => void act(`/api/shifts/${shift.id}/signup`, { asLeader: true })}
              >
                {t('shifts.signUpLeader')}
              </button>
            )}
            <button
              type="button"
              class={needDriver || needLeader ? 'secondary' : 'primary'}
              disabled={busy}
              aria-label={`${t('shifts.signUp')}: ${label}`}
              onClick={() => void act(`/api/shifts/${shift.id}/signup`)}
            >
              {t('shifts.signUp')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

/** Staffing while a shift is ahead; once it runs or is over, what happened to it ("Genomfört", "Ställdes in"), never "Saknar folk" for the past. */
export function StaffingBadge({ shift }: { shift: Pick<Shift, 'staffing' | 'missedCheckIn' | 'status' | 'endsAt'> }) {
  const phase = shiftPhase(shift);
  return (
    <>
      {phase === 'ahead' ? (
        <span class={`badge badge-${shift.staffing}`}>{staffingLabel(shift.staffing)}</span>
      ) : (
        <span class={`badge badge-${phase}`}>{t(`shifts.phase.${phase}`)}</span>
      )}
      {shift.missedCheckIn && <span class="badge badge-missed">{t('shifts.missedCheckIn')}</span>}
    </>
  );
}

export function ShiftCard({ shift, onChange }: { shift: Shift; onChange: (s: Shift) => void }) {
  const seats = `${shift.crew.length} / ${shift.crewMax}`;
  return (
    <li class={`card shift shift-${shift.staffing}${isPast(shift) ? ' past' : ''}`}>
      <p class="card-title">
        <a href={`/shifts/${shift.id}`}>
          {timeSpan(shift.startsAt, shift.endsAt)} · {shift.vehicleName}
        </a>
      </p>
      <p>
        <StaffingBadge shift={shift} /> {t('shifts.crewCount', { seats })}
        {shift.waiting.length > 0 && ` · ${t('shifts.waitingCount', { n: shift.waiting.length })}`}
      </p>
      {shift.areaName && <p>{shift.areaName}</p>}
      {!shift.vehicleInService && shift.status === 'planned' && <p class="due">{t('shifts.carOut')}</p>}
      {shift.mine && <p class="mine">{t(shift.mine === 'crew' ? 'shifts.youAreIn' : 'shifts.youAreWaiting')}</p>}
      <SignupButtons shift={shift} onChange={onChange} />
    </li>
  );
}
