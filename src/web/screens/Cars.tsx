/** The association's cars: status, odometer and due dates for everyone; coordinators add and change them. */
import { useState } from 'preact/hooks';
import { patch, post } from '../api.js';
import { Field, Select } from '../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../components/Form.js';
import { Shell } from '../components/Shell.js';
import { useLoad } from '../components/useLoad.js';
import { language, t } from '../i18n.js';
import { can } from '../session.js';
import { daysUntil, vehicleStatuses, type VehicleStatus } from '../../shared/domain/vehicles.js';
import type { Vehicle } from '../../shared/api/vehicles.js';

const SOON_DAYS = 30;
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/** "Insurance due in 12 days" or "… is overdue" when a date is near; nothing otherwise. */
function dueNotes(v: Vehicle): string[] {
  const notes: string[] = [];
  for (const [what, date] of [
    [t('cars.insuranceDue'), v.insuranceDueOn],
    [t('cars.serviceDue'), v.serviceDueOn],
  ] as const) {
    if (!date) continue;
    const days = daysUntil(date, today());
    if (days < 0) notes.push(t('cars.overdue', { what }));
    else if (days <= SOON_DAYS) notes.push(t('cars.dueSoon', { what, days }));
  }
  return notes;
}

interface Draft {
  name: string;
  registration: string;
  odometerKm: string;
  status: VehicleStatus;
  insuranceDueOn: string;
  serviceDueOn: string;
}
const emptyDraft: Draft = { name: '', registration: '', odometerKm: '', status: 'in_service', insuranceDueOn: '', serviceDueOn: '' };
const draftOf = (v: Vehicle): Draft => ({
  name: v.name,
  registration: v.registration,
  odometerKm: String(v.odometerKm),
  status: v.status,
  insuranceDueOn: v.insuranceDueOn ?? '',
  serviceDueOn: v.serviceDueOn ?? '',
});

/** The form for a new car, or for changing one (then with its status). */
function CarForm({ editing, onSaved }: { editing: Vehicle | null; onSaved: (v: Vehicle) => void }) {
  const [d, setD] = useState<Draft>(editing ? draftOf(editing) : emptyDraft);
  const set = (k: keyof Draft) => (value: string) => setD({ ...d, [k]: value });
  const form = useSubmit(async () => {
    const body = {
      name: d.name,
      registration: d.registration,
      odometerKm: d.odometerKm.trim() === '' ? 0 : Number(d.odometerKm),
      insuranceDueOn: d.insuranceDueOn || null,
      serviceDueOn: d.serviceDueOn || null,
    };
    const saved = editing ? await patch<Vehicle>(`/api/vehicles/${editing.id}`, { ...body, status: d.status }) : await post<Vehicle>('/api/vehicles', body);
    if (!editing) setD(emptyDraft);
    onSaved(saved);
  });
  return (
    <Form form={form} submitLabel={editing ? t('app.save') : t('cars.add')} label={editing ? `${t('cars.edit')}: ${editing.name}` : t('cars.add')}>
      <Field name="name" label={t('cars.name')} value={d.name} onValue={set('name')} required problems={form.problems} />
      <Field
        name="registration"
        label={t('cars.registration')}
        hint={t('cars.registrationHint')}
        value={d.registration}
        onValue={set('registration')}
        required
        problems={form.problems}
      />
      <Field
        name="odometerKm"
        type="number"
        inputMode="numeric"
        label={t('cars.odometer')}
        value={d.odometerKm}
        onValue={set('odometerKm')}
        problems={form.problems}
      />
      {editing && (
        <Select
          name="status"
          label={t('cars.status')}
          value={d.status}
          onValue={set('status')}
          options={vehicleStatuses.map((s) => ({ value: s, label: t(`cars.status.${s}`) }))}
        />
      )}
      <Field
        name="insuranceDueOn"
        type="date"
        label={t('cars.insuranceDue')}
        value={d.insuranceDueOn}
        onValue={set('insuranceDueOn')}
        problems={form.problems}
      />
      <Field name="serviceDueOn" type="date" label={t('cars.serviceDue')} value={d.serviceDueOn} onValue={set('serviceDueOn')} problems={form.problems} />
    </Form>
  );
}

export function Cars() {
  const { data, error, reload } = useLoad<Vehicle[]>('/api/vehicles');
  const [editing, setEditing] = useState<Vehicle | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const manage = can('vehicle.manage');
  const km = (n: number) => n.toLocaleString(language.value === 'en' ? 'en-GB' : 'sv-SE');
  const done = (v: Vehicle) => {
    setSaved(v.name);
    setEditing(null);
    reload();
  };
  return (
    <Shell title={t('cars.title')}>
      <Alert message={error} />
      {saved && <Notice>{t('app.saved')}</Notice>}
      {data?.length === 0 && <p>{t('cars.none')}</p>}
      <ul class="cards">
        {data?.map((v) => (
          <li key={v.id} class="card">
            <p class="card-title">{v.name}</p>
            <p>
              {v.registration} · {t(`cars.status.${v.status}`)} · {km(v.odometerKm)} km
            </p>
            {dueNotes(v).map((note) => (
              <p key={note} class="due">
                {note}
              </p>
            ))}
            <p>
              <a href={`/cars/${v.id}/log`} aria-label={`${t('log.open')}: ${v.name}`}>
                {t('log.open')}
              </a>
            </p>
            {manage && editing?.id !== v.id && (
              <button type="button" class="secondary" onClick={() => setEditing(v)} aria-label={`${t('cars.edit')}: ${v.name}`}>
                {t('cars.edit')}
              </button>
            )}
            {editing?.id === v.id && <CarForm key={v.id} editing={v} onSaved={done} />}
          </li>
        ))}
      </ul>
      {manage && !editing && (
        <>
          <h2>{t('cars.add')}</h2>
          <CarForm editing={null} onSaved={done} />
        </>
      )}
    </Shell>
  );
}
