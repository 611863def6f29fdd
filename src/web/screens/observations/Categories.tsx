/** The association's categories (coordinators): rename, turn off, move up or down, and add subcategories. */
import { useState } from 'preact/hooks';
import { ApiError, api, post } from '../../api.js';
import { Field, Select } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import type { Category } from '../../../shared/api/observations.js';

function Rename({ category, onSaved }: { category: Category; onSaved: () => void }) {
  const [sv, setSv] = useState(category.labelSv);
  const [en, setEn] = useState(category.labelEn);
  const form = useSubmit(async () => {
    await api('PATCH', `/api/observation-categories/${category.id}`, { labelSv: sv, labelEn: en });
    onSaved();
  });
  const problems = form.problems.map((p) => ({ ...p, field: `${category.id}-${p.field}` }));
  return (
    <Form form={form} submitLabel={t('app.save')} label={`${t('categories.rename')}: ${category.labelSv}`}>
      <Field name={`${category.id}-labelSv`} label={t('categories.labelSv')} value={sv} onValue={setSv} problems={problems} />
      <Field name={`${category.id}-labelEn`} label={t('categories.labelEn')} value={en} onValue={setEn} problems={problems} />
    </Form>
  );
}

export function Categories() {
  const { data, error, reload } = useLoad<Category[]>('/api/observation-categories');
  const [open, setOpen] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [sub, setSub] = useState({ parentId: '', labelSv: '', labelEn: '' });
  const run = async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
      setSaved(true);
      reload();
    } catch (err) {
      setFailure(err instanceof ApiError ? err.title : t('app.error'));
    }
  };
  const top = (data ?? []).filter((c) => c.parentId === null);
  const childrenOf = (id: string) => (data ?? []).filter((c) => c.parentId === id);
  /** Swaps the sort order with the neighbour above or below. */
  const move = (list: Category[], i: number, step: -1 | 1) => {
    const a = list[i]!;
    const b = list[i + step];
    if (!b) return;
    void run(async () => {
      await api('PATCH', `/api/observation-categories/${a.id}`, { sortOrder: b.sortOrder });
      await api('PATCH', `/api/observation-categories/${b.id}`, { sortOrder: a.sortOrder });
    });
  };
  const add = useSubmit(async () => {
    await post('/api/observation-categories', { parentId: sub.parentId || null, labelSv: sub.labelSv, labelEn: sub.labelEn });
    setSub({ ...sub, labelSv: '', labelEn: '' });
    setSaved(true);
    reload();
  });
  const row = (c: Category, list: Category[], i: number) => (
    <li key={c.id} class={c.enabled ? 'card' : 'card disabled'}>
      <p class="card-title">
        <span aria-hidden="true">{c.icon}</span> {c.labelSv}
      </p>
      <p>
        {c.labelEn}
        {!c.enabled && ` · ${t('categories.off')}`}
      </p>
      <div class="button-row">
        <button type="button" class="secondary" aria-label={`${t('categories.up')}: ${c.labelSv}`} disabled={i === 0} onClick={() => move(list, i, -1)}>
          ↑
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={`${t('categories.down')}: ${c.labelSv}`}
          disabled={i === list.length - 1}
          onClick={() => move(list, i, 1)}
        >
          ↓
        </button>
        <button type="button" class="secondary" onClick={() => void run(() => api('PATCH', `/api/observation-categories/${c.id}`, { enabled: !c.enabled }))}>
          {c.enabled ? t('categories.turnOff') : t('categories.turnOn')}
        </button>
        <button type="button" class="secondary" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
          {t('categories.rename')}
        </button>
      </div>
      {open === c.id && (
        <Rename
          category={c}
          onSaved={() => {
            setOpen(null);
            setSaved(true);
            reload();
          }}
        />
      )}
      {c.parentId === null && childrenOf(c.id).length > 0 && <ul class="cards sub">{childrenOf(c.id).map((s, j, l) => row(s, l, j))}</ul>}
    </li>
  );
  return (
    <Shell title={t('categories.title')}>
      <Alert message={error ?? failure} />
      {saved && <Notice>{t('app.saved')}</Notice>}
      <p>{t('categories.help')}</p>
      <ul class="cards">{top.map((c, i) => row(c, top, i))}</ul>
      <h2>{t('categories.add')}</h2>
      <Form form={add} submitLabel={t('categories.add')} label={t('categories.add')}>
        <Select
          name="parentId"
          label={t('categories.parent')}
          value={sub.parentId}
          onValue={(parentId) => setSub({ ...sub, parentId })}
          options={[{ value: '', label: t('categories.topLevel') }, ...top.map((c) => ({ value: c.id, label: c.labelSv }))]}
        />
        <Field
          name="labelSv"
          label={t('categories.labelSv')}
          value={sub.labelSv}
          onValue={(labelSv) => setSub({ ...sub, labelSv })}
          required
          problems={add.problems}
        />
        <Field
          name="labelEn"
          label={t('categories.labelEn')}
          value={sub.labelEn}
          onValue={(labelEn) => setSub({ ...sub, labelEn })}
          required
          problems={add.problems}
        />
      </Form>
    </Shell>
  );
}
