/** The coordinators' list of action items: what needs doing first, then open, overdue, failed or all. */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { ExportLinks } from '../../components/ExportLinks.js';
import { can } from '../../session.js';
import { Alert } from '../../components/Form.js';
import { Select } from '../../components/Field.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import type { ItemSummary } from '../../../shared/api/reports.js';
import { ItemList } from './ItemList.js';

const views = ['todo', 'open', 'overdue', 'failed', 'resolved', 'all'] as const;

export function Items() {
  const [view, setView] = useState<(typeof views)[number]>('todo');
  const { data, error } = useLoad<ItemSummary[]>(`/api/action-items${view === 'all' ? '' : `?state=${view}`}`);
  return (
    <Shell title={t('items.title')}>
      <p>{t('items.help')}</p>
      <Select
        name="view"
        label={t('items.show')}
        value={view}
        onValue={(v) => setView(v as typeof view)}
        options={views.map((v) => ({ value: v, label: t(`items.view.${v}`) }))}
      />
      {can('item.list') && <ExportLinks what="action-items" />}
      <Alert message={error} />
      {data && <ItemList items={data} empty={t('items.none')} />}
    </Shell>
  );
}
