/** One observation in a list: what, when, where, how urgent, and a link to it. */
import { formatDateTime, t } from '../../i18n.js';
import type { Observation } from '../../../shared/api/observations.js';

export function ObservationCard({ o }: { o: Observation }) {
  return (
    <li class="card">
      <p class="card-title">
        <a href={`/observations/${o.id}`}>
          <span aria-hidden="true">{o.icon}</span> {o.categoryLabel}
        </a>
      </p>
      <p>
        {formatDateTime(o.observedAt)}
        {o.areaName && ` · ${o.areaName}`} · {t(`observe.urgency.${o.urgency}`)} · {t(`observations.status.${o.status}`)}
      </p>
      {o.text && <p>{o.text}</p>}
      {o.handedToPolice && <p>{t('observations.handed', { reference: o.handedToPolice.reference ?? '–' })}</p>}
      {o.photos.length > 0 && <p>{t('observations.photos', { n: o.photos.length })}</p>}
    </li>
  );
}
