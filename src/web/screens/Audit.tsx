/** The audit log (admins): who did what and when, with before and after; filter by event and dates. */
import { useState } from 'preact/hooks';
import { get } from '../api.js';
import { Field, Select } from '../components/Field.js';
import { auditActions } from '../../shared/domain/audit-actions.js';
import { AuditEntries } from '../components/AuditEntries.js';
import { Shell } from '../components/Shell.js';
import { Alert } from '../components/Form.js';
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import type { AuditEntry } from '../../shared/api/audit.js';

export function Audit() {
  const [filter, setFilter] = useState({ action: '', from: '', to: '' });
  const [applied, setApplied] = useState(filter);
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v) as [string, string][]).toString();
  const { data, error, setData } = useLoad<AuditEntry[]>(`/api/audit?${query}`);
  const [done, setDone] = useState(false);

  const more = async () => {
    const last = data?.[data.length - 1];
    if (!last) return;
    const next = await get<AuditEntry[]>(`/api/audit?${query}${query ? '&' : ''}before=${encodeURIComponent(last.createdAt)}`);
    if (next.length === 0) setDone(true);
    setData([...(data ?? []), ...next]);
  };

  return (
    <Shell title={t('audit.title')}>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          setApplied(filter);
        }}
      >
        <Select
          name="action"
          label={t('audit.action')}
          value={filter.action}
          onValue={(action) => setFilter({ ...filter, action })}
          options={[{ value: '', label: t('audit.all') }, ...auditActions.map((a) => ({ value: a, label: t(`audit.action.${a}`) }))]}
        />
        <Field name="from" type="date" label={t('audit.from')} value={filter.from} onValue={(from) => setFilter({ ...filter, from })} />
        <Field name="to" type="date" label={t('audit.to')} value={filter.to} onValue={(to) => setFilter({ ...filter, to })} />
        <button type="submit" class="primary">
          {t('audit.filter')}
        </button>
      </form>
      <Alert message={error} />
      {data?.length === 0 && <p>{t('audit.none')}</p>}
      <AuditEntries entries={data ?? []} />
      {data && data.length >= 50 && !done && (
        <button type="button" class="secondary" onClick={() => void more()}>
          {t('audit.more')}
        </button>
      )}
    </Shell>
  );
}
