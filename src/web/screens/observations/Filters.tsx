/** Filters over observations for coordinators: period, category, urgency, area, car and member. */
import { Field, Select } from '../../components/Field.js';
import { useLoad } from '../../components/useLoad.js';
import { language, t } from '../../i18n.js';
import { can } from '../../session.js';
import { observationStatuses, urgencies } from '../../../shared/domain/categories.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MemberSummary } from '../../../shared/api/members.js';
import type { Vehicle } from '../../../shared/api/vehicles.js';
import { useCategories } from './categories.js';

export interface ObservationFilters {
  from: string;
  to: string;
  categoryId: string;
  urgency: string;
  status: string;
  areaId: string;
  vehicleId: string;
  memberId: string;
}
export const noFilters: ObservationFilters = { from: '', to: '', categoryId: '', urgency: '', status: '', areaId: '', vehicleId: '', memberId: '' };

/** Filters named in a link's query string; anything else in it is ignored. */
export const filtersFrom = (query: Record<string, string>): ObservationFilters =>
  Object.fromEntries(Object.entries(noFilters).map(([k, empty]) => [k, query[k] ?? empty])) as unknown as ObservationFilters;

/** The query string of the filters that are set. */
export const filterQuery = (f: ObservationFilters) =>
  Object.entries(f)
    .filter(([, v]) => v)
    .map(([k, v]) => `&${k}=${encodeURIComponent(v)}`)
    .join('');

export function Filters({ value, onChange }: { value: ObservationFilters; onChange: (f: ObservationFilters) => void }) {
  const categories = useCategories();
  const areas = useLoad<Area[]>('/api/areas');
  const vehicles = useLoad<Vehicle[]>('/api/vehicles');
  const members = useLoad<MemberSummary[]>(can('member.list') ? '/api/members?role=volunteer' : null);
  const set = (k: keyof ObservationFilters) => (v: string) => onChange({ ...value, [k]: v });
  const any = { value: '', label: t('observations.any') };
  return (
    <fieldset class="filters">
      <legend>{t('observations.filters')}</legend>
      <Field name="from" type="date" label={t('templates.from')} value={value.from} onValue={set('from')} />
      <Field name="to" type="date" label={t('templates.to')} value={value.to} onValue={set('to')} />
      <Select
        name="categoryId"
        label={t('observation.category')}
        value={value.categoryId}
        onValue={set('categoryId')}
        options={[any, ...(categories ?? []).map((c) => ({ value: c.id, label: language.value === 'en' ? c.labelEn : c.labelSv }))]}
      />
      <Select
        name="urgency"
        label={t('observe.urgency')}
        value={value.urgency}
        onValue={set('urgency')}
        options={[any, ...urgencies.map((u) => ({ value: u, label: t(`observe.urgency.${u}`) }))]}
      />
      <Select
        name="status"
        label={t('observations.status')}
        value={value.status}
        onValue={set('status')}
        options={[
          any,
          ...observationStatuses.map((x) => ({ value: x, label: t(`observations.status.${x}`) })),
          // Found no recipient (no rule matched): the coordinators' to send, or to add a rule for.
          { value: 'not_sent', label: t('observations.status.not_sent') },
        ]}
      />
      <Select
        name="areaId"
        label={t('templates.area')}
        value={value.areaId}
        onValue={set('areaId')}
        options={[any, ...(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
      />
      <Select
        name="vehicleId"
        label={t('templates.car')}
        value={value.vehicleId}
        onValue={set('vehicleId')}
        options={[any, ...(vehicles.data ?? []).map((v) => ({ value: v.id, label: v.name }))]}
      />
      {members.data && (
        <Select
          name="memberId"
          label={t('shifts.member')}
          value={value.memberId}
          onValue={set('memberId')}
          options={[any, ...members.data.map((m) => ({ value: m.id, label: m.name }))]}
        />
      )}
      <button type="button" class="secondary" onClick={() => onChange(noFilters)}>
        {t('observations.clear')}
      </button>
    </fieldset>
  );
}
