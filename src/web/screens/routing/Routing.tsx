/**
 * Where action items go: the recipients, the routing rules in their order, the
 * areas rules refer to, a place to try the rules out on the map, and the keys
 * partner systems use at the association's Open311 endpoint. Coordinators
 * read it; admins change it.
 */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { Alert, Notice } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import type { Recipient, Rule } from '../../../shared/api/reports.js';
import type { Category } from '../../../shared/api/observations.js';
import type { Area } from '../../../shared/api/associations.js';
import { RecipientForm } from './RecipientForm.js';
import { Rules } from './Rules.js';
import { Areas } from './Areas.js';
import { TryRouting } from './TryRouting.js';
import { Open311Keys } from './Open311Keys.js';

function Recipients({ recipients, manage, onChange }: { recipients: Recipient[]; manage: boolean; onChange: () => void }) {
  const [editing, setEditing] = useState<Recipient | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const done = (r: Recipient) => {
    setSaved(r.name);
    setEditing(null);
    onChange();
  };
  return (
    <>
      {saved && <Notice>{t('recipients.saved', { name: saved })}</Notice>}
      <ul class="cards">
        {recipients.map((r) => (
          <li key={r.id} class={`card${r.active ? '' : ' disabled'}`}>
            <p>
              <strong>{r.name}</strong> · {t(`recipients.kind.${r.kind}`)}
            </p>
            <p class="hint">
              {t(`recipients.channel.${r.channel}`)}
              {r.channel === 'email' && ` · ${r.email ?? ''} · ${t(`recipients.delivery.${r.delivery}`)}`}
              {r.channel === 'open311' && ` · ${r.open311Url ?? ''}`}
              {' · '}
              {t('recipients.answersWithin', { days: r.responseDays })}
              {!r.active && ` · ${t('recipients.inactive')}`}
            </p>
            {manage && (
              <button type="button" onClick={() => setEditing(r)} aria-label={`${t('recipients.edit')}: ${r.name}`}>
                {t('recipients.edit')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage &&
        (editing ? (
          <>
            <RecipientForm key={editing.id} editing={editing} onSaved={done} />
            <button type="button" onClick={() => setEditing(null)}>
              {t('app.cancel')}
            </button>
          </>
        ) : (
          <details class="add">
            <summary>{t('recipients.add')}</summary>
            <RecipientForm editing={null} onSaved={done} />
          </details>
        ))}
    </>
  );
}

export function Routing() {
  const recipients = useLoad<Recipient[]>('/api/recipients');
  const rules = useLoad<Rule[]>('/api/routing-rules');
  const categories = useLoad<Category[]>('/api/observation-categories');
  const areas = useLoad<Area[]>('/api/areas');
  const manage = can('routing.manage');
  const ready = recipients.data && rules.data && categories.data && areas.data;
  const names = ready ? { recipients: recipients.data!, categories: categories.data!.filter((c) => c.enabled), areas: areas.data! } : null;
  return (
    <Shell title={t('routing.title')}>
      <Alert message={recipients.error ?? rules.error ?? categories.error ?? areas.error} />
      <p>{t('routing.intro')}</p>
      {names && (
        <>
          <section aria-labelledby="recipients-heading">
            <h2 id="recipients-heading">{t('recipients.title')}</h2>
            <Recipients recipients={names.recipients} manage={manage} onChange={recipients.reload} />
          </section>
          <section aria-labelledby="rules-heading">
            <h2 id="rules-heading">{t('rules.title')}</h2>
            <p class="hint">{t('rules.intro')}</p>
            <Rules rules={rules.data!} names={names} manage={manage} onChange={rules.reload} />
          </section>
          <section aria-labelledby="try-heading">
            <h2 id="try-heading">{t('tryRouting.title')}</h2>
            <TryRouting categories={names.categories} />
          </section>
          <section aria-labelledby="areas-heading">
            <h2 id="areas-heading">{t('areas.title')}</h2>
            <Areas areas={names.areas} manage={manage} onChange={areas.reload} />
          </section>
          {can('open311.manage') && (
            <section aria-labelledby="keys-heading">
              <h2 id="keys-heading">{t('keys.title')}</h2>
              <Open311Keys />
            </section>
          )}
        </>
      )}
    </Shell>
  );
}
