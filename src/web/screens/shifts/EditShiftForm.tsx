/** A coordinator changes when a planned shift runs and how many ride; calendars see the change. */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Field } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { CrewSizeFields } from './CrewSizeFields.js';
import { localParts } from '../../../shared/domain/time.js';
import type { Shift } from '../../../shared/api/shifts.js';

export function EditShiftForm({ shift, onChange }: { shift: Shift; onChange: (s: Shift) => void }) {
  const start = localParts(shift.startsAt);
  const end = localParts(shift.endsAt);
  const [d, setD] = useState({
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    crewMin: String(shift.crewMin),
    crewMax: String(shift.crewMax),
    note: shift.note ?? '',
  });
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const form = useSubmit(async () =>
    onChange(
      await api<Shift>('PUT', `/api/shifts/${shift.id}`, {
        ...d,
        crewMin: Number(d.crewMin),
        crewMax: Number(d.crewMax),
        areaId: shift.areaId,
        note: d.note || null,
      }),
    ),
  );
  // Field ids are prefixed: the other forms on the page have fields of the same names.
  const problems = form.problems.map((p) => ({ ...p, field: `edit-${p.field}` }));
  return (
    <Form form={form} submitLabel={t('app.save')} label={t('shifts.edit')}>
      <Field name="edit-startDate" type="date" label={t('oneOff.startDate')} value={d.startDate} onValue={set('startDate')} problems={problems} />
      <Field name="edit-startTime" type="time" label={t('templates.start')} value={d.startTime} onValue={set('startTime')} problems={problems} />
      <Field name="edit-endDate" type="date" label={t('oneOff.endDate')} value={d.endDate} onValue={set('endDate')} problems={problems} />
      <Field name="edit-endTime" type="time" label={t('templates.end')} value={d.endTime} onValue={set('endTime')} problems={problems} />
      <CrewSizeFields crewMin={d.crewMin} crewMax={d.crewMax} onValue={(k, v) => set(k)(v)} problems={problems} prefix="edit-" />
      <Field name="edit-note" label={t('oneOff.note')} value={d.note} onValue={set('note')} problems={problems} />
    </Form>
  );
}
