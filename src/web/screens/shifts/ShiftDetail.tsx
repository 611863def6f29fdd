/** One shift: who rides, the member's sign-up, check-in and check-out for its leader, and a coordinator's tools. */
import { Shell } from '../../components/Shell.js';
import { useState } from 'preact/hooks';
import { Alert, Notice } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { can, me } from '../../session.js';
import { formatDay, localDate, timeSpan } from '../../shift-format.js';
import type { Shift } from '../../../shared/api/shifts.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import type { Vehicle } from '../../../shared/api/vehicles.js';
import { SignupButtons, StaffingBadge } from './ShiftCard.js';
import { CheckInForm, CheckOutForm, RunSummary } from './RunForms.js';
import { CoordinatorActions } from './CoordinatorActions.js';
import { RunCorrection } from './RunCorrection.js';
import { ShiftMap } from './ShiftMap.js';
import { Rechecks } from '../items/Rechecks.js';
import { Checkbox } from '../../components/Field.js';
import { startTracking, stopTracking, trackingShift } from '../../offline/track.js';

/** The shift leader in the crew, a crew member with the shift-leader role, or a coordinator. */
function mayRun(shift: Shift): boolean {
  if (can('shift.manage')) return true;
  const mine = shift.crew.find((c) => c.memberId === me.value?.member.id);
  return Boolean(mine && (mine.asLeader || me.value?.member.roles.includes('shift_leader')));
}

export function ShiftDetail({ id }: { id: string }) {
  const { data: shift, error, setData } = useLoad<Shift>(`/api/shifts/${id}`);
  /** Said and focused after check-in or check-out: the form the leader used is gone. */
  const [ran, setRan] = useState<MessageKey | null>(null);
  const afterRun = (key: MessageKey) => (s: Shift) => {
    setData(s);
    setRan(key);
  };
  const car = useLoad<Vehicle>(shift ? `/api/vehicles/${shift.vehicleId}` : null);
  const title = shift ? `${formatDay(localDate(shift.startsAt))} ${timeSpan(shift.startsAt, shift.endsAt)}` : t('shifts.shift');
  const checkInOpen = shift && shift.status === 'planned' && Date.now() >= Date.parse(shift.startsAt) - 3_600_000 && Date.now() < Date.parse(shift.endsAt);
  return (
    <Shell title={title}>
      <Alert message={error} />
      {shift && (
        <>
          <p class="lead">
            {shift.vehicleName}
            {shift.areaName && ` · ${shift.areaName}`} · <StaffingBadge shift={shift} />
          </p>
          {ran && <Notice key={ran}>{t(ran)}</Notice>}
          {shift.note && <p>{shift.note}</p>}
          {!shift.vehicleInService && shift.status === 'planned' && <p class="due">{t('shifts.carOut')}</p>}
          {shift.cancelReason && <p class="due">{t('shifts.cancelledBecause', { reason: shift.cancelReason })}</p>}
          <h2>{t('shifts.crew', { seats: `${shift.crew.length} / ${shift.crewMax}` })}</h2>
          {shift.crew.length === 0 ? (
            <p>{t('shifts.noCrew')}</p>
          ) : (
            <ul class="crew">
              {shift.crew.map((c) => (
                <li key={c.memberId}>
                  {c.name}
                  {c.asDriver && ` · ${t('shifts.driver')}`}
                  {c.asLeader && ` · ${t('shifts.leader')}`}
                  {c.present === false && ` · ${t('run.absent')}`}
                </li>
              ))}
            </ul>
          )}
          {shift.waiting.length > 0 && (
            <>
              <h2>{t('shifts.waitingList')}</h2>
              <ol class="crew">
                {shift.waiting.map((w) => (
                  <li key={w.memberId}>{w.name}</li>
                ))}
              </ol>
            </>
          )}
          <SignupButtons shift={shift} onChange={setData} />
          {mayRun(shift) && checkInOpen && (car.data || car.error) && (
            <>
              <h2>{t('run.checkIn')}</h2>
              <CheckInForm shift={shift} odometerKm={car.data?.odometerKm ?? null} onDone={afterRun('run.checkedInNotice')} />
            </>
          )}
          {shift.status === 'in_progress' && shift.mine === 'crew' && (
            <>
              <p>
                <a class="button primary" href={`/observe?shift=${shift.id}`}>
                  {t('observe.new')}
                </a>
              </p>
              <Checkbox
                name="tracking"
                label={t('shiftMap.consent')}
                checked={trackingShift.value === shift.id}
                onChecked={(on) => (on ? startTracking(shift.id) : stopTracking())}
              />
            </>
          )}
          {mayRun(shift) && shift.status === 'in_progress' && (
            <>
              <h2>{t('run.checkOut')}</h2>
              <CheckOutForm shift={shift} onDone={afterRun('run.checkedOutNotice')} />
            </>
          )}
          {(shift.status === 'in_progress' || shift.status === 'closed') && (
            <>
              <h2>{t('run.title')}</h2>
              <RunSummary shift={shift} />
              {can('shift.manage') && (
                <details class="correction">
                  <summary>{t('run.correct')}</summary>
                  <RunCorrection shift={shift} onDone={setData} />
                </details>
              )}
              <p>
                <a href={`/cars/${shift.vehicleId}/log?year=${localDate(shift.startsAt).slice(0, 4)}`}>{t('log.open')}</a>
              </p>
            </>
          )}
          {shift.status !== 'closed' && shift.status !== 'cancelled' && (shift.mine === 'crew' || can('shift.manage')) && <Rechecks shiftId={shift.id} />}
          {(shift.status === 'in_progress' || shift.status === 'closed') && (shift.mine === 'crew' || can('shift.manage')) && <ShiftMap shiftId={shift.id} />}
          {can('shift.manage') && <CoordinatorActions shift={shift} onChange={setData} />}
        </>
      )}
    </Shell>
  );
}
