/** The member list: search, show deactivated, open one member. */
import { useState } from 'preact/hooks';
import { Checkbox, Field, Select } from '../components/Field.js';
import { roles } from '../../shared/domain/roles.js';
import { Shell } from '../components/Shell.js';
import { Alert } from '../components/Form.js';
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import type { MemberSummary } from '../../shared/api/members.js';
import type { MessageKey } from '../../shared/i18n/translate.js';

export function Members() {
  const [q, setQ] = useState('');
  const [inactive, setInactive] = useState(false);
  const [role, setRole] = useState('');
  const params = new URLSearchParams({ ...(q.trim() && { q: q.trim() }), ...(role && { role }), ...(inactive && { includeInactive: 'true' }) });
  const { data, error } = useLoad<MemberSummary[]>(`/api/members?${params.toString()}`);
  return (
    <Shell title={t('members.title')}>
      <div role="search">
        <Field name="q" type="search" label={t('members.search')} value={q} onValue={setQ} />
        <Select
          name="role"
          label={t('members.roles')}
          value={role}
          onValue={setRole}
          options={[{ value: '', label: t('members.allRoles') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <Checkbox name="inactive" label={t('members.showInactive')} checked={inactive} onChecked={setInactive} />
      </div>
      <Alert message={error} />
      {data && data.length === 0 && <p>{t('members.none')}</p>}
      <ul class="cards">
        {data?.map((m) => (
          <li key={m.id} class="card">
            <a href={`/members/${m.id}`} class="card-title">
              {m.name}
            </a>
            <p>
              {m.kind === 'partner' ? t('role.partner') : m.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}
              {m.status !== 'active' && <strong> · {t(`status.${m.status}` as MessageKey)}</strong>}
            </p>
          </li>
        ))}
      </ul>
    </Shell>
  );
}
