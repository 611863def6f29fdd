/** The coordinators' list of action items: what needs doing first, then open, overdue, failed or all. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Shell } from '../../components/Shell.js';
import { ExportLinks } from '../../components/ExportLinks.js';
import { can } from '../../session.js';
import { Alert } from '../../components/Form.js';
import { Select } from '../../components/Field.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import type { ItemSummary } from '../../../shared/api/reports.js';
import { ItemList } from './ItemList.js';
import { ShowMore, usePaged } from '../../components/ShowMore.js';

const views = ['todo', 'open', 'overdue', 'failed', 'resolved', 'all'] as const;

/** Narrowings a link may bring (from the dashboard): the period sent, the area, the recipient. */
const narrowings = ['from', 'to', 'areaId', 'recipientId'] as const;

export function Items() {
  const { query } = useLocation();
  const staff = can('item.list');
  const [view, setView] = useState<(typeof views)[number]>(views.find((v) => v === query.view) ?? (staff ? 'todo' : 'open'));
  const narrowed = narrowings.filter((k) => query[k]).map((k) => `&${k}=${encodeURIComponent(query[k]!)}`);
  const { data, error } = useLoad<ItemSummary[]>(`/api/action-items?${view === 'all' ? '' : `state=${view}`}${narrowed.join('')}`);
  // Newest first from the server; twenty at a time on the screen.
  const paged = usePaged(data);
  return (
    <Shell title={t('items.title')}>
      <p>{staff ? t('items.help') : t('items.partnerHelp')}</p>
      {narrowed.length > 0 && (
        <p class="notice">
          {t('items.narrowed', { from: query.from ?? '', to: query.to ?? '' })} <a href="/items">{t('items.showAll')}</a>
        </p>
      )}
      <Select
        name="view"
        label={t('items.show')}
        value={view}
        onValue={(v) => setView(v as typeof view)}
        options={views.filter((v) => staff || v !== 'todo').map((v) => ({ value: v, label: t(`items.view.${v}`) }))}
      />
      {staff && <ExportLinks what="action-items" />}
      <Alert message={error} />
      {data && <ItemList items={paged.page} empty={t('items.none')} />}
      <ShowMore more={paged.more} total={paged.total} shown={paged.page.length} onMore={paged.showMore} />
    </Shell>
  );
}
