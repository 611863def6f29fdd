/** A coordinator corrects a run afterwards (a mistyped odometer, a missing summary), always with a reason for the audit log. */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Checkbox, Field } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import type { Shift } from '../../../shared/api/shifts.js';

export function RunCorrection({ shift, onDone }: { shift: Shift; onDone: (s: Shift) => void }) {
  const r = shift.run;
  const [d, setD] = useState({
    odometerStartKm: String(r.odometerStartKm ?? ''),
    odometerEndKm: String(r.odometerEndKm ?? ''),
    summary: r.summary ?? '',
    reason: '',
  });
  const [nothing, setNothing] = useState(r.nothingToReport);
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  const form = useSubmit(async () => {
    const km = (v: string) => (v.trim() === '' ? undefined : Number(v));
    onDone(
      await api<Shift>('PATCH', `/api/shifts/${shift.id}/run`, {
        reason: d.reason,
        odometerStartKm: km(d.odometerStartKm),
        ...(shift.status === 'closed' && { odometerEndKm: km(d.odometerEndKm), summary: d.summary || null, nothingToReport: nothing }),
      }),
    );
    setD({ ...d, reason: '' });
  });
  // Field names are prefixed: the check-out form may be on the same page.
  const problems = form.problems.map((p) => ({ ...p, field: `fix-${p.field}` }));
  return (
    <Form form={form} submitLabel={t('run.saveCorrection')} label={t('run.correct')}>
      <Field
        name="fix-odometerStartKm"
        type="number"
        inputMode="numeric"
        label={t('run.odometerStart')}
        value={d.odometerStartKm}
        onValue={set('odometerStartKm')}
        problems={problems}
      />
      {shift.status === 'closed' && (
        <>
          <Field
            name="fix-odometerEndKm"
            type="number"
            inputMode="numeric"
            label={t('run.odometerEnd')}
            value={d.odometerEndKm}
            onValue={set('odometerEndKm')}
            problems={problems}
          />
          <Field name="fix-summary" label={t('run.summary')} value={d.summary} onValue={set('summary')} problems={problems} />
          <Checkbox name="fix-nothingToReport" label={t('run.nothingToReport')} checked={nothing} onChecked={setNothing} />
        </>
      )}
      <Field name="fix-reason" label={t('shifts.reason')} value={d.reason} onValue={set('reason')} required problems={problems} />
    </Form>
  );
}
