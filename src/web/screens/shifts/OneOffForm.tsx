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
  return (
    <Form form={form} submitLabel={t('oneOff.add')} label={t('oneOff.add')}>
      <Select
        name="vehicleId"
        label={t('templates.car')}
        value={d.vehicleId}
        onValue={set('vehicleId')}
        problems={form.problems}
        options={vehicles.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Field name="startDate" type="date" label={t('oneOff.startDate')} value={d.startDate} onValue={set('startDate')} required problems={form.problems} />
      <Field name="startTime" type="time" label={t('templates.start')} value={d.startTime} onValue={set('startTime')} required problems={form.problems} />
      <Field name="endDate" type="date" label={t('oneOff.endDate')} value={d.endDate} onValue={set('endDate')} required problems={form.problems} />
      <Field name="endTime" type="time" label={t('templates.end')} value={d.endTime} onValue={set('endTime')} required problems={form.problems} />
      <CrewSizeFields crewMin={d.crewMin} crewMax={d.crewMax} onValue={(k, v) => set(k)(v)} problems={form.problems} />
      <Field name="note" label={t('oneOff.note')} value={d.note} onValue={set('note')} problems={form.problems} />
    </Form>
  );
}
