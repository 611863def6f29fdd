/** One observation in a list: what became of it first, then when, where and how urgent, and a link to it. */
import { formatDateTime, t } from '../../i18n.js';
import type { Observation } from '../../../shared/api/observations.js';

/** "Åtgärdat av Huddinge kommun · 3 dec. 2026 14:02", or where it stands when nothing was sent. */
export function outcomeText(o: Pick<Observation, 'outcome' | 'status' | 'urgency'>): string {
  if (o.outcome)
    return t('observations.outcome', { state: t(`items.state.${o.outcome.state}`), recipient: o.outcome.recipient, at: formatDateTime(o.outcome.at) });
  if (o.status === 'handed_to_police') return t('observations.status.handed_to_police');
  if (o.urgency === 'note' || o.status === 'no_action') return t('observations.outcome.kept');
  return t('observations.outcome.notYet');
}

export function ObservationCard({ o }: { o: Observation }) {
  return (
    <li class="card">
      <p class="card-title">
        <a href={`/observations/${o.id}`}>
          <span aria-hidden="true">{o.icon}</span> {o.categoryLabel}
        </a>
      </p>
      <p class="outcome">{outcomeText(o)}</p>
      <p>
        {formatDateTime(o.observedAt)}
        {o.areaName && ` · ${o.areaName}`} · {t(`observe.urgency.${o.urgency}`)}
      </p>
      {o.text && <p>{o.text}</p>}
      {o.handedToPolice && <p>{t('observations.handed', { reference: o.handedToPolice.reference ?? '–' })}</p>}
      {o.photos.length > 0 && <p>{t('observations.photos', { n: o.photos.length })}</p>}
    </li>
  );
}
