/** The start screen: a greeting and one large button per thing this member may do. */
import { Alert } from '../components/Form.js';
import { Shell, visibleNavItems } from '../components/Shell.js';
import { t } from '../i18n.js';
import { can, me } from '../session.js';
import { useLoad } from '../components/useLoad.js';
import { addDays, formatDay, localDate, timeSpan, today } from '../shift-format.js';
import type { Shift } from '../../shared/api/shifts.js';
import { FirstDayChecklist } from './FirstDay.js';

/** The member's next shifts, so the start page answers "when do I ride next?". */
function UpcomingShifts() {
  const { data } = useLoad<Shift[]>(`/api/shifts?from=${today()}&to=${addDays(today(), 42)}&mine=true`);
  const next = (data ?? []).filter((s) => s.status !== 'closed' && Date.parse(s.endsAt) > Date.now()).slice(0, 3);
  return (
    <section aria-labelledby="upcoming">
      <h2 id="upcoming">{t('home.upcoming')}</h2>
      {data && next.length === 0 && <p>{t('home.noUpcoming')}</p>}
      <ul class="cards">
        {next.map((s) => (
          <li key={s.id} class={`card shift shift-${s.staffing}`}>
            <p class="card-title">
              <a href={`/shifts/${s.id}`}>
                {formatDay(localDate(s.startsAt))} {timeSpan(s.startsAt, s.endsAt)}
              </a>
            </p>
            <p>
              {s.vehicleName} · {t(`shifts.staffing.${s.staffing}`)}
              {s.mine === 'waiting' && ` · ${t('shifts.youAreWaiting')}`}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Home() {
  const m = me.value!;
  return (
    <Shell title={t('home.title', { name: m.member.name.split(' ')[0] ?? '' })}>
      <Alert message={m.twoFactorRequired && !m.twoFactorEnabled ? t('error.two_factor_required') : null}>
        <a href="/profile">{t('nav.profile')}</a>
      </Alert>
      <p>
        {m.partnerOrganisation ? t('home.partnerIntro', { organisation: m.partnerOrganisation.name }) : t('home.intro', { association: m.association.name })}
      </p>
      {can('item.list') && <FirstDayChecklist />}
      {can('shift.list') && <UpcomingShifts />}
      <ul class="tiles">
        {visibleNavItems()
          .filter((i) => i.href !== '/')
          .map((i) => (
            <li key={i.href}>
              <a class="tile" href={i.href}>
                {t(i.label)}
              </a>
            </li>
          ))}
      </ul>
    </Shell>
  );
}
