/** Passmallar: weekly patterns per car, and making the shifts of a period from them (coordinators). */
import { useState } from 'preact/hooks';
import { api, del, post } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { CrewSizeFields } from './CrewSizeFields.js';
import { addDays, today } from '../../shift-format.js';
import type { Area } from '../../../shared/api/associations.js';
import type { GenerateResult, Shift, Template } from '../../../shared/api/shifts.js';
import { OneOffForm } from './OneOffForm.js';
import type { Vehicle } from '../../../shared/api/vehicles.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';

const weekdayKeys = [1, 2, 3, 4, 5, 6, 7].map((d) => [d, `weekday.${d}` as MessageKey] as const);

/** The form for a new template, or for changing one (a change applies to shifts generated afterwards). */
function TemplateForm({ vehicles, areas, editing, onSaved }: { vehicles: Vehicle[]; areas: Area[]; editing?: Template; onSaved: () => void }) {
  const [d, setD] = useState(
    editing
      ? { ...editing, crewMin: String(editing.crewMin), crewMax: String(editing.crewMax), areaId: editing.areaId ?? '', validUntil: editing.validUntil ?? '' }
      : {
          vehicleId: vehicles[0]?.id ?? '',
          name: '',
          weekdays: [1, 2, 3, 4, 5],
          startTime: '09:00',
          endTime: '13:00',
          endsNextDay: false,
          crewMin: '2',
          crewMax: '3',
          areaId: '',
          validFrom: today(),
          validUntil: '',
        },
  );
  const form = useSubmit(async () => {
    const body = {
      vehicleId: d.vehicleId,
      name: d.name,
      weekdays: d.weekdays,
      startTime: d.startTime,
      endTime: d.endTime,
      endsNextDay: d.endsNextDay,
      crewMin: Number(d.crewMin),
      crewMax: Number(d.crewMax),
      areaId: d.areaId || null,
      validFrom: d.validFrom,
      validUntil: d.validUntil || null,
    };
    if (editing) await api<Template>('PUT', `/api/shift-templates/${editing.id}`, body);
    else await post<Template>('/api/shift-templates', body);
    setD({ ...d, name: '' });
    onSaved();
  });
  const set = (k: keyof typeof d) => (v: string) => setD({ ...d, [k]: v });
  return (
    <Form
      form={form}
      submitLabel={editing ? t('app.save') : t('templates.add')}
      label={editing ? `${t('templates.edit')}: ${editing.name}` : t('templates.add')}
    >
      <Select
        name="vehicleId"
        label={t('templates.car')}
        value={d.vehicleId}
        onValue={set('vehicleId')}
        problems={form.problems}
        options={vehicles.map((v) => ({ value: v.id, label: v.name }))}
      />
      <Field name="name" label={t('templates.name')} hint={t('templates.nameHint')} value={d.name} onValue={set('name')} required problems={form.problems} />
      <fieldset>
        <legend>{t('templates.weekdays')}</legend>
        {weekdayKeys.map(([day, key]) => (
          <Checkbox
            key={day}
            name={`weekday-${day}`}
            label={t(key)}
            checked={d.weekdays.includes(day)}
            onChecked={(on) => setD({ ...d, weekdays: on ? [...d.weekdays, day].sort() : d.weekdays.filter((x) => x !== day) })}
          />
        ))}
      </fieldset>
      <Field name="startTime" type="time" label={t('templates.start')} value={d.startTime} onValue={set('startTime')} required problems={form.problems} />
      <Field name="endTime" type="time" label={t('templates.end')} value={d.endTime} onValue={set('endTime')} required problems={form.problems} />
      <Checkbox name="endsNextDay" label={t('templates.endsNextDay')} checked={d.endsNextDay} onChecked={(endsNextDay) => setD({ ...d, endsNextDay })} />
      <CrewSizeFields crewMin={d.crewMin} crewMax={d.crewMax} onValue={(k, v) => set(k)(v)} problems={form.problems} />
      <Select
        name="areaId"
        label={t('templates.area')}
        value={d.areaId}
        onValue={set('areaId')}
        options={[{ value: '', label: t('templates.noArea') }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
      />
      <Field name="validFrom" type="date" label={t('templates.validFrom')} value={d.validFrom} onValue={set('validFrom')} required problems={form.problems} />
      <Field name="validUntil" type="date" label={t('templates.validUntil')} value={d.validUntil} onValue={set('validUntil')} problems={form.problems} />
    </Form>
  );
}

function GenerateForm() {
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(addDays(today(), 30));
  const [result, setResult] = useState<GenerateResult | null>(null);
  const form = useSubmit(async () => setResult(await post<GenerateResult>('/api/shifts/generate', { from, to })));
  return (
    <>
      {result && <Notice>{t('templates.generated', { created: result.created, existing: result.existing, conflicts: result.conflicts.length })}</Notice>}
      <Form form={form} submitLabel={t('templates.generate')} label={t('templates.generate')}>
        <Field name="from" type="date" label={t('templates.from')} value={from} onValue={setFrom} required problems={form.problems} />
        <Field name="to" type="date" label={t('templates.to')} value={to} onValue={setTo} required problems={form.problems} />
      </Form>
    </>
  );
}

export function Templates() {
  const templates = useLoad<Template[]>('/api/shift-templates');
  const vehicles = useLoad<Vehicle[]>('/api/vehicles');
  const areas = useLoad<Area[]>('/api/areas');
  const [error, setError] = useState<string | null>(null);
  const [oneOff, setOneOff] = useState<Shift | null>(null);
  const [editing, setEditing] = useState<Template | null>(null);
  const archive = async (tpl: Template) => {
    try {
      await del(`/api/shift-templates/${tpl.id}`);
      templates.reload();
    } catch {
      setError(t('app.error'));
    }
  };
  const days = (tpl: Template) => tpl.weekdays.map((d) => t(`weekday.short.${d}` as MessageKey)).join(' ');
  return (
    <Shell title={t('templates.title')}>
      <Alert message={templates.error ?? error} />
      {templates.data?.length === 0 && <p>{t('templates.none')}</p>}
      <ul class="cards">
        {templates.data?.map((tpl) => (
          <li key={tpl.id} class="card">
            <p class="card-title">
              {tpl.vehicleName}: {tpl.name}
            </p>
            <p>
              {days(tpl)} {tpl.startTime}–{tpl.endTime}
              {tpl.endsNextDay && ` (${t('templates.nextDay')})`} · {t('templates.crewSize', { min: tpl.crewMin, max: tpl.crewMax })}
            </p>
            <p>{t('templates.valid', { from: tpl.validFrom, until: tpl.validUntil ?? '…' })}</p>
            {editing?.id === tpl.id && vehicles.data && areas.data ? (
              <TemplateForm
                vehicles={vehicles.data}
                areas={areas.data}
                editing={tpl}
                onSaved={() => {
                  setEditing(null);
                  templates.reload();
                }}
              />
            ) : (
              <div class="button-row">
                <button type="button" class="secondary" aria-label={`${t('templates.edit')}: ${tpl.vehicleName} ${tpl.name}`} onClick={() => setEditing(tpl)}>
                  {t('templates.edit')}
                </button>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${t('templates.archive')}: ${tpl.vehicleName} ${tpl.name}`}
                  onClick={() => void archive(tpl)}
                >
                  {t('templates.archive')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <h2>{t('templates.generate')}</h2>
      <p>{t('templates.generateHint')}</p>
      <GenerateForm />
      <h2>{t('oneOff.add')}</h2>
      {oneOff && (
        <Notice>
          <a href={`/shifts/${oneOff.id}`}>{t('oneOff.created')}</a>
        </Notice>
      )}
      {vehicles.data && <OneOffForm vehicles={vehicles.data} onSaved={setOneOff} />}
      {/* While a template is being changed, the form for a new one is hidden: one form with these fields at a time. */}
      {!editing && (
        <>
          <h2>{t('templates.add')}</h2>
          {vehicles.data && areas.data && <TemplateForm vehicles={vehicles.data} areas={areas.data} onSaved={templates.reload} />}
        </>
      )}
    </Shell>
  );
}
