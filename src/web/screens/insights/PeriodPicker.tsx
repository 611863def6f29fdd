/** A period for the follow-up: a named one (this month, last year …) or any two dates; with an area, for the dashboard and the IOP report. */
import { useState } from 'preact/hooks';
import { Field, Select } from '../../components/Field.js';
import { t } from '../../i18n.js';
import { useLoad } from '../../components/useLoad.js';
import type { Area } from '../../../shared/api/associations.js';
import { addDays, today } from '../../shift-format.js';

export const presets = ['month', 'lastMonth', 'quarter', 'lastQuarter', 'year', 'lastYear', 'custom'] as const;
export type Preset = (typeof presets)[number];

export interface Period {
  from: string;
  to: string;
}

const monthStart = (date: string, back = 0) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 10);
};

/** The dates of a named period, as of today; the current ones end today. */
export function periodOf(preset: Exclude<Preset, 'custom'>, now = today()): Period {
  const month = Number(now.slice(5, 7));
  const quarterBack = (month - 1) % 3;
  switch (preset) {
    case 'month':
      return { from: monthStart(now), to: now };
    case 'lastMonth':
      return { from: monthStart(now, 1), to: addDays(monthStart(now), -1) };
    case 'quarter':
      return { from: monthStart(now, quarterBack), to: now };
    case 'lastQuarter':
      return { from: monthStart(now, quarterBack + 3), to: addDays(monthStart(now, quarterBack), -1) };
    case 'year':
      return { from: `${now.slice(0, 4)}-01-01`, to: now };
    case 'lastYear': {
      const y = Number(now.slice(0, 4)) - 1;
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    }
  }
}

export function PeriodPicker({ value, onChange, initial = 'year' }: { value: Period; onChange: (p: Period) => void; initial?: Preset }) {
  const [preset, setPreset] = useState<Preset>(initial);
  const choose = (p: string) => {
    setPreset(p as Preset);
    if (p !== 'custom') onChange(periodOf(p as Exclude<Preset, 'custom'>));
  };
  return (
    <>
      <Select
        name="preset"
        label={t('dashboard.preset')}
        value={preset}
        onValue={choose}
        options={presets.map((p) => ({ value: p, label: t(`dashboard.preset.${p}`) }))}
      />
      {preset === 'custom' && (
        <div class="pair">
          <Field name="from" type="date" label={t('dashboard.from')} value={value.from} onValue={(from) => from && onChange({ ...value, from })} />
          <Field name="to" type="date" label={t('dashboard.to')} value={value.to} onValue={(to) => to && onChange({ ...value, to })} />
        </div>
      )}
    </>
  );
}

/** A period and, optionally, one of the association's areas: what the dashboard and the IOP report are for. */
export function PeriodAndArea(props: { period: Period; onPeriod: (p: Period) => void; areaId: string; onArea: (id: string) => void; initial?: Preset }) {
  const areas = useLoad<Area[]>('/api/areas');
  return (
    <div class="filters">
      <PeriodPicker value={props.period} onChange={props.onPeriod} initial={props.initial} />
      <Select
        name="areaId"
        label={t('dashboard.area')}
        value={props.areaId}
        onValue={props.onArea}
        options={[{ value: '', label: t('dashboard.allAreas') }, ...(areas.data ?? []).map((a) => ({ value: a.id, label: a.name }))]}
      />
    </div>
  );
}
