/** Action items as cards: recipient, category, state (overdue and failed stand out), case number. */
import { formatDateTime, t } from '../../i18n.js';
import type { ItemSummary } from '../../../shared/api/reports.js';

export function stateLabel(i: Pick<ItemSummary, 'state' | 'overdue'>): string {
  return i.overdue ? `${t(`items.state.${i.state}`)} · ${t('items.overdue')}` : t(`items.state.${i.state}`);
}

export function ItemList({ items, empty }: { items: ItemSummary[]; empty: string }) {
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <ul class="cards">
      {items.map((i) => (
        <li key={i.id} class={`card item-card state-${i.state}${i.overdue ? ' overdue' : ''}${i.deliveryError ? ' failed' : ''}`}>
          <a class="card-link" href={`/items/${i.id}`}>
            <span aria-hidden="true">{i.icon}</span> {i.categoryLabel} → {i.recipientName}
          </a>
          <p>
            <strong class="item-state">{stateLabel(i)}</strong>
            {i.externalReference && ` · ${t('items.reference')}: ${i.externalReference}`}
            {` · ${formatDateTime(i.createdAt)}`}
          </p>
          {i.deliveryError && <p class="field-error">{t('items.failed', { error: i.deliveryError })}</p>}
        </li>
      ))}
    </ul>
  );
}
