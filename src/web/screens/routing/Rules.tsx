/** The routing rules in the order they are tried: what (category), where (area), to whom; admins add, switch off and remove them. */
import { useState } from 'preact/hooks';
import { del, patch, post } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Alert, Form, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import type { Recipient, Rule } from '../../../shared/api/reports.js';
import type { Category } from '../../../shared/api/observations.js';
import type { Area } from '../../../shared/api/associations.js';
import { categoryLabel } from '../observations/categories.js';

export interface Names {
  recipients: Recipient[];
  categories: Category[];
  areas: Area[];
}

function RuleForm({ names, onSaved }: { names: Names; onSaved: () => void }) {
  const [categoryId, setCategory] = useState('');
  const [areaId, setArea] = useState('');
  const [recipientId, setRecipient] = useState(names.recipients[0]?.id ?? '');
  const [precedence, setPrecedence] = useState('100');
  const [final, setFinal] = useState(false);
  const form = useSubmit(async () => {
    await post('/api/routing-rules', { categoryId: categoryId || null, areaId: areaId || null, recipientId, precedence: Number(precedence), final });
    onSaved();
  });
  return (
    <Form form={form} submitLabel={t('rules.add')} label={t('rules.add')}>
      <Select
        name="categoryId"
        label={t('rules.category')}
        value={categoryId}
        onValue={setCategory}
        problems={form.problems}
        options={[{ value: '', label: t('rules.anyCategory') }, ...names.categories.map((c) => ({ value: c.id, label: categoryLabel(c, names.categories) }))]}
      />
      <Select
        name="areaId"
        label={t('rules.area')}
        value={areaId}
        onValue={setArea}
        problems={form.problems}
        options={[{ value: '', label: t('rules.anywhere') }, ...names.areas.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <Select
        name="recipientId"
        label={t('rules.recipient')}
        value={recipientId}
        onValue={setRecipient}
        problems={form.problems}
        options={names.recipients.map((r) => ({ value: r.id, label: r.name }))}
      />
      <Field
        name="precedence"
        type="number"
        inputMode="numeric"
        label={t('rules.precedence')}
        hint={t('rules.precedenceHint')}
        value={precedence}
        onValue={setPrecedence}
        problems={form.problems}
      />
      <Checkbox name="final" label={t('rules.final')} checked={final} onChecked={setFinal} />
    </Form>
  );
}

export function Rules({ rules, names, manage, onChange }: { rules: Rule[]; names: Names; manage: boolean; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const nameOf = {
    category: (id: string | null) => {
      const c = names.categories.find((x) => x.id === id);
      return c ? categoryLabel(c, names.categories) : t('rules.anyCategory');
    },
    area: (id: string | null) => names.areas.find((a) => a.id === id)?.name ?? t('rules.anywhere'),
    recipient: (id: string) => names.recipients.find((r) => r.id === id)?.name ?? '?',
  };
  const act = (p: Promise<unknown>) => void p.then(onChange).catch((e: Error) => setError(e.message));
  return (
    <>
      <Alert message={error} />
      {rules.length === 0 ? (
        <p>{t('rules.none')}</p>
      ) : (
        <ol class="cards rules">
          {rules.map((r) => (
            <li key={r.id} class={`card${r.enabled ? '' : ' disabled'}`}>
              <p>
                <strong>{nameOf.category(r.categoryId)}</strong> · {nameOf.area(r.areaId)} → <strong>{nameOf.recipient(r.recipientId)}</strong>
              </p>
              <p class="hint">
                {t('rules.precedence')} {r.precedence}
                {r.final && ` · ${t('rules.finalShort')}`}
                {!r.enabled && ` · ${t('rules.off')}`}
              </p>
              {manage && (
                <div class="actions">
                  <button type="button" onClick={() => act(patch(`/api/routing-rules/${r.id}`, { enabled: !r.enabled }))}>
                    {r.enabled ? t('rules.switchOff') : t('rules.switchOn')}
                  </button>
                  <button type="button" class="danger" onClick={() => act(del(`/api/routing-rules/${r.id}`))}>
                    {t('rules.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {manage && names.recipients.length > 0 && (
        <details class="add">
          <summary>{t('rules.add')}</summary>
          <RuleForm names={names} onSaved={onChange} />
        </details>
      )}
    </>
  );
}
