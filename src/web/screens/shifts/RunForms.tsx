/** Check-in and check-out of a shift, for its leader (or a coordinator), in a few large fields. */
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { formatDateTime, t } from '../../i18n.js';
import { formatNumber } from '../../shift-format.js';
import type { Shift } from '../../../shared/api/shifts.js';
import { stopTracking, trackingShift } from '../../offline/track.js';

const toKm = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.replace(/\s/g, '')));

export function CheckInForm({ shift, odometerKm, onDone }: { shift: Shift; odometerKm: number | null; onDone: (s: Shift) => void }) {
  const [present, setPresent] = useState<string[]>(shift.crew.map((c) => c.memberId));
  const [driver, setDriver] = useState(shift.crew.find((c) => c.asDriver)?.memberId ?? shift.crew[0]?.memberId ?? '');
  const [odometer, setOdometer] = useState(odometerKm === null ? '' : String(odometerKm));
  const [startPlace, setStartPlace] = useState('');
  const [briefing, setBriefing] = useState('');
  const form = useSubmit(async () => {
    onDone(
      await post<Shift>(`/api/shifts/${shift.id}/check-in`, {
        presentMemberIds: present,
        driverMemberId: driver,
        odometerStartKm: toKm(odometer),
        startPlace: startPlace || null,
        briefingNote: briefing || null,
      }),
    );
  });
  return (
    <Form form={form} submitLabel={t('run.checkIn')} label={t('run.checkIn')}>
      <fieldset>
        <legend>{t('run.present')}</legend>
        {shift.crew.map((c) => (
          <Checkbox
            key={c.memberId}
            name={`present-${c.memberId}`}
            label={c.name}
            checked={present.includes(c.memberId)}
            onChecked={(on) => setPresent(on ? [...present, c.memberId] : present.filter((x) => x !== c.memberId))}
          />
        ))}
      </fieldset>
      <Select
        name="driverMemberId"
        label={t('run.driver')}
        value={driver}
        onValue={setDriver}
        problems={form.problems}
        options={shift.crew.map((c) => ({ value: c.memberId, label: c.name }))}
      />
      <Field
        name="odometerStartKm"
        type="number"
        inputMode="numeric"
        label={t('run.odometerStart')}
        value={odometer}
        onValue={setOdometer}
        required
        problems={form.problems}
      />
      <Field name="startPlace" label={t('run.startPlace')} value={startPlace} onValue={setStartPlace} problems={form.problems} />
      <Field name="briefingNote" label={t('run.briefing')} hint={t('run.briefingHint')} value={briefing} onValue={setBriefing} problems={form.problems} />
    </Form>
  );
}

export function CheckOutForm({ shift, onDone }: { shift: Shift; onDone: (s: Shift) => void }) {
  const [odometer, setOdometer] = useState('');
  const [endPlace, setEndPlace] = useState(shift.run.startPlace ?? '');
  const [summary, setSummary] = useState('');
  const [nothing, setNothing] = useState(false);
  const form = useSubmit(async () => {
    onDone(
      await post<Shift>(`/api/shifts/${shift.id}/check-out`, {
        odometerEndKm: toKm(odometer),
        endPlace: endPlace || null,
        summary: summary || null,
        nothingToReport: nothing,
      }),
    );
    // The shift is over: no more positions from this phone.
    if (trackingShift.value === shift.id) stopTracking();
  });
  return (
    <Form form={form} submitLabel={t('run.checkOut')} label={t('run.checkOut')}>
      <p>{t('run.startedAt', { time: formatDateTime(shift.run.checkedInAt!), km: formatNumber(shift.run.odometerStartKm ?? 0) })}</p>
      <Field
        name="odometerEndKm"
        type="number"
        inputMode="numeric"
        label={t('run.odometerEnd')}
        value={odometer}
        onValue={setOdometer}
        required
        problems={form.problems}
      />
      <Field name="endPlace" label={t('run.endPlace')} value={endPlace} onValue={setEndPlace} problems={form.problems} />
      <Checkbox name="nothingToReport" label={t('run.nothingToReport')} checked={nothing} onChecked={setNothing} />
      <div class="field">
        <label for="field-summary">{t('run.summary')}</label>
        <textarea
          id="field-summary"
          name="summary"
          rows={4}
          value={summary}
          onInput={(e) => setSummary((e.target as HTMLTextAreaElement).value)}
          aria-describedby={form.problems.some((p) => p.field === 'summary') ? 'field-summary-error' : undefined}
        />
        {form.problems
          .filter((p) => p.field === 'summary')
          .map((p) => (
            <p key="e" class="field-error" id="field-summary-error">
              {p.message}
            </p>
          ))}
      </div>
    </Form>
  );
}

export function RunSummary({ shift }: { shift: Shift }) {
  const r = shift.run;
  const driver = shift.crew.find((c) => c.memberId === r.driverMemberId)?.name;
  return (
    <dl class="facts">
      <div>
        <dt>{t('run.checkedIn')}</dt>
        <dd>{r.checkedInAt ? formatDateTime(r.checkedInAt) : '–'}</dd>
      </div>
      <div>
        <dt>{t('run.checkedOut')}</dt>
        <dd>{r.checkedOutAt ? formatDateTime(r.checkedOutAt) : '–'}</dd>
      </div>
      <div>
        <dt>{t('run.driver')}</dt>
        <dd>{driver ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('run.odometer')}</dt>
        <dd>
          {r.odometerStartKm ?? '–'} → {r.odometerEndKm ?? '–'}
          {r.odometerEndKm !== null && r.odometerStartKm !== null && ` (${r.odometerEndKm - r.odometerStartKm} km)`}
        </dd>
      </div>
      {r.briefingNote && (
        <div>
          <dt>{t('run.briefing')}</dt>
          <dd>{r.briefingNote}</dd>
        </div>
      )}
      <div>
        <dt>{t('run.summary')}</dt>
        <dd>{r.nothingToReport ? t('run.nothingToReport') : (r.summary ?? '–')}</dd>
      </div>
    </dl>
  );
}
