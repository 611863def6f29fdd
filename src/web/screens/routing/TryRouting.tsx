/** Where would an observation of this category, here, go? Pick a category and tap the map (or type the position). */
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { Field, Select } from '../../components/Field.js';
import { Alert } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { PinMap } from '../observations/PinMap.js';
import { categoryLabel } from '../observations/categories.js';
import type { Category } from '../../../shared/api/observations.js';

interface Proposal {
  recipients: { id: string; name: string }[];
  ruleIds: string[];
}

export function TryRouting({ categories }: { categories: Category[] }) {
  const [categoryId, setCategory] = useState(categories[0]?.id ?? '');
  const [lat, setLat] = useState('59.237');
  const [lng, setLng] = useState('17.982');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!categoryId || Number.isNaN(Number(lat)) || Number.isNaN(Number(lng))) return;
    get<Proposal>(`/api/routing/try?categoryId=${categoryId}&lat=${lat}&lng=${lng}`)
      .then((p) => {
        setProposal(p);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [categoryId, lat, lng]);
  return (
    <>
      <Select
        name="tryCategory"
        label={t('rules.category')}
        value={categoryId}
        onValue={setCategory}
        options={categories.map((c) => ({ value: c.id, label: categoryLabel(c, categories) }))}
      />
      <PinMap
        lat={Number(lat)}
        lng={Number(lng)}
        onMove={(a, b) => {
          setLat(String(a));
          setLng(String(b));
        }}
      />
      <div class="pair">
        <Field name="tryLat" inputMode="numeric" label={t('tryRouting.lat')} value={lat} onValue={setLat} />
        <Field name="tryLng" inputMode="numeric" label={t('tryRouting.lng')} value={lng} onValue={setLng} />
      </div>
      <Alert message={error} />
      <p aria-live="polite" class="lead">
        {proposal &&
          (proposal.recipients.length === 0
            ? t('tryRouting.nobody')
            : t('tryRouting.goesTo', { recipients: proposal.recipients.map((r) => r.name).join(', ') }))}
      </p>
    </>
  );
}
