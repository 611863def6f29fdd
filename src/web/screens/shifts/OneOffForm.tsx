/** A one-off shift outside the templates: an event, an extra evening (coordinators). */
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Field, Select } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { CrewSizeFields } from './CrewSizeFields.js';
import type { Shift } from '../../../shared/api/shifts.js';
import type { Vehicle } from '../../../shared/api/vehicles.js';
import { today } from '../../shift-format.js';

export function OneOffForm({ vehicles, onSaved }: { vehicles: Vehicle[]; onSaved: (s: Shift) => void }) {
  const [d, setD] = useState({
    vehicleId: vehicles[0]?.id ?? '',
    startDate: today(),
    startTime: '18:00',
    endDate: today(),
    endTime: '22:00',
    crewMin: '2',
    crewMax: '3',
    note: '',
  });
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v, ...(k === 'startDate' && { endDate: v }) });
  const form = useSubmit(async () =>
    onSaved(await post<Shift>('/api/shifts', { ...d, crewMin: Number(d.crewMin), crewMax: Number(d.crewMax), note: d.note || null })),
  );
  // The template form on the same page has fields of the same names: these carry a prefix.
  const problems = form.problems.map((p) => ({ ...p, field: `oneoff-${p.field}` }));
  return (
    <Form form={form} submitLabel={t('oneOff.add')} label={t('oneOff.add')}>
      <Select
        name="oneoff-vehicleId"
        label={t('templates.car')}
        value={d.vehicleId}
        onValue={set('vehicleId')}
        problems={problems}
        options={vehicles.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Field name="oneoff-startDate" type="date" label={t('oneOff.startDate')} value={d.startDate} onValue={set('startDate')} required problems={problems} />
      <Field name="oneoff-startTime" type="time" label={t('templates.start')} value={d.startTime} onValue={set('startTime')} required problems={problems} />
      <Field name="oneoff-endDate" type="date" label={t('oneOff.endDate')} value={d.endDate} onValue={set('endDate')} required problems={problems} />
      <Field name="oneoff-endTime" type="time" label={t('templates.end')} value={d.endTime} onValue={set('endTime')} required problems={problems} />
      <CrewSizeFields crewMin={d.crewMin} crewMax={d.crewMax} onValue={(k, v) => set(k)(v)} problems={problems} prefix="oneoff-" />
      <Field name="oneoff-note" label={t('oneOff.note')} value={d.note} onValue={set('note')} problems={problems} />
    </Form>
  );
}
