/**
 * The association's first day on the start page: what the admin sets up
 * before crews can patrol and their observations reach anyone, each step
 * ticked by what exists, in the order it is needed. Coordinators see how many
 * observations no rule has sent. Gone when there is nothing left to do.
 */
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import type { FirstDay } from '../../shared/api/associations.js';

const where: Record<FirstDay['steps'][number]['step'], string> = {
  cars: '/cars',
  shifts: '/plan',
  members: '/invite-member',
  recipients: '/routing',
  areas: '/routing',
};

export function FirstDayChecklist() {
  const { data } = useLoad<FirstDay>('/api/first-day');
  if (!data) return null;
  const left = data.steps.filter((s) => !s.done).length;
  return (
    <>
      {left > 0 && (
        <section aria-labelledby="first-day" class="first-day">
          <h2 id="first-day">{t('firstDay.title')}</h2>
          <p>{t('firstDay.left', { n: left, of: data.steps.length })}</p>
          <ol class="checklist">
            {data.steps.map((s) => (
              <li key={s.step} class={s.done ? 'done' : undefined}>
                <span class="check-mark" aria-hidden="true">
                  {s.done ? '✓' : ''}
                </span>
                <a href={where[s.step]}>{t(`firstDay.${s.step}`)}</a>
                <span class="visually-hidden">{s.done ? t('firstDay.done') : t('firstDay.notDone')}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      {data.unsent > 0 && (
        <p class="due">
          <a href="/observations?status=not_sent">{t('firstDay.unsent', { n: data.unsent })}</a>
        </p>
      )}
    </>
  );
}
