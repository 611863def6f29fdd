/** One observation: what, where, when, its photos and history; its author may change it for a day, coordinators later. */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Select } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { AuditEntries } from '../../components/AuditEntries.js';
import { formatDateTime, language, t } from '../../i18n.js';
import { can, me } from '../../session.js';
import { findSensitive } from '../../../shared/domain/privacy.js';
import { urgencies, type Urgency } from '../../../shared/domain/categories.js';
import type { Category, Observation } from '../../../shared/api/observations.js';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { useCategories } from './categories.js';
import { ObservationItems } from '../items/ObservationItems.js';
import { PinMap } from './PinMap.js';
import { outcomeText } from './ObservationCard.js';

function EditForm({ o, categories, onSaved }: { o: Observation; categories: Category[]; onSaved: (o: Observation) => void }) {
  const [categoryId, setCategoryId] = useState(o.categoryId);
  const [urgency, setUrgency] = useState<Urgency>(o.urgency);
  const [text, setText] = useState(o.text ?? '');
  const form = useSubmit(async () => onSaved(await api<Observation>('PATCH', `/api/observations/${o.id}`, { categoryId, urgency, text: text.trim() || null })));
  const found = findSensitive(text);
  return (
    <Form form={form} submitLabel={t('app.save')} label={t('observation.edit')}>
      <Select
        name="categoryId"
        label={t('observation.category')}
        value={categoryId}
        onValue={setCategoryId}
        problems={form.problems}
        options={categories.map((c) => ({ value: c.id, label: `${c.icon} ${language.value === 'en' ? c.labelEn : c.labelSv}` }))}
      />
      <Select
        name="urgency"
        label={t('observe.urgency')}
        value={urgency}
        onValue={(u) => setUrgency(u as Urgency)}
        options={urgencies.map((u) => ({ value: u, label: t(`observe.urgency.${u}`) }))}
      />
      <div class="field">
        <label for="field-text">{t('observe.text')}</label>
        <textarea
          id="field-text"
          name="text"
          rows={3}
          maxLength={1000}
          value={text}
          aria-describedby={found.length || form.problems.some((p) => p.field === 'text') ? 'field-text-error' : undefined}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
        {(found.length > 0 || form.problems.some((p) => p.field === 'text')) && (
          <p class="field-error" id="field-text-error">
            {found.length > 0 ? t('error.privacy_guard') : form.problems.find((p) => p.field === 'text')!.message}
          </p>
        )}
      </div>
    </Form>
  );
}

/** A request that came with an address alone: a coordinator puts the pin where the address is, and it is routed. */
function PlaceIt({ o, onSaved }: { o: Observation; onSaved: (o: Observation) => void }) {
  const [spot, setSpot] = useState({ lat: o.lat, lng: o.lng });
  const form = useSubmit(async () => onSaved(await api<Observation>('PATCH', `/api/observations/${o.id}`, spot)));
  return (
    <section class="place-it" aria-labelledby="place-it-title">
      <h2 id="place-it-title">{t('observation.placeTitle')}</h2>
      <p>{t('observation.placeHelp', { address: o.address ?? '' })}</p>
      <Form form={form} submitLabel={t('observation.placeSave')} label={t('observation.placeTitle')}>
        <PinMap lat={o.lat} lng={o.lng} onMove={(lat, lng) => setSpot({ lat, lng })} />
      </Form>
    </section>
  );
}

export function ObservationDetail({ id }: { id: string }) {
  const { data: o, error, setData } = useLoad<Observation>(`/api/observations/${id}`);
  const history = useLoad<AuditEntry[]>(`/api/observations/${id}/history`);
  const categories = useCategories();
  const [saved, setSaved] = useState(false);
  const mayEdit = o && (can('observation.editAny') || (o.authorMemberId === me.value?.member.id && Date.now() < Date.parse(o.editableUntil)));
  return (
    <Shell title={o ? `${o.icon} ${o.categoryLabel}` : t('observations.title')}>
      <Alert message={error} />
      {saved && <Notice>{t('app.saved')}</Notice>}
      {o && (
        <>
          {o.needsPlacing && can('observation.editAny') && (
            <PlaceIt
              o={o}
              onSaved={(placed) => {
                setData(placed);
                setSaved(true);
              }}
            />
          )}
          {/* What happened to it comes first: it is what the crew opens the page to learn. */}
          <p class="outcome lead">{outcomeText(o)}</p>
          <ObservationItems observationId={o.id} />
          <dl class="facts">
            <div>
              <dt>{t('observation.when')}</dt>
              <dd>{formatDateTime(o.observedAt)}</dd>
            </div>
            <div>
              <dt>{t('observation.where')}</dt>
              <dd>
                {o.address && `${o.address} · `}
                {o.needsPlacing ? (
                  t('observation.notPlaced')
                ) : (
                  <>
                    {o.areaName ?? t('observation.outsideAreas')} ({o.lat.toFixed(5)}, {o.lng.toFixed(5)}
                    {o.accuracyM !== null && `, ±${o.accuracyM} m`})
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('observation.urgency')}</dt>
              <dd>{t(`observe.urgency.${o.urgency}`)}</dd>
            </div>
            <div>
              <dt>{t('observation.by')}</dt>
              <dd>{o.viaOpen311 ? t('observation.viaOpen311', { system: o.viaOpen311, admin: o.authorName }) : o.authorName}</dd>
            </div>
            {o.text && (
              <div>
                <dt>{t('observation.text')}</dt>
                <dd>{o.text}</dd>
              </div>
            )}
            {o.handedToPolice && (
              <div>
                <dt>{t('observe.handedToPolice')}</dt>
                <dd>
                  {formatDateTime(o.handedToPolice.at)}
                  {o.handedToPolice.reference && ` · ${o.handedToPolice.reference}`}
                </dd>
              </div>
            )}
            {o.call112 && (
              <div>
                <dt>{t('observe.call112')}</dt>
                <dd>{formatDateTime(o.call112.at)}</dd>
              </div>
            )}
          </dl>
          {o.shiftId && (
            <p>
              <a href={`/shifts/${o.shiftId}`}>{t('observation.shift')}</a>
            </p>
          )}
          {o.photos.map((p, i) => (
            <img
              key={p.sha256}
              class="photo"
              src={p.url}
              width={p.width}
              height={p.height}
              alt={t('observation.photoAlt', { n: i + 1, category: o.categoryLabel })}
            />
          ))}
          {mayEdit && categories && (
            <details class="edit-fold">
              <summary>{t('observation.edit')}</summary>
              <EditForm
                o={o}
                categories={categories}
                onSaved={(next) => {
                  setData(next);
                  setSaved(true);
                  history.reload();
                }}
              />
            </details>
          )}
          <h2>{t('observation.history')}</h2>
          {history.data && (
            <AuditEntries
              entries={history.data}
              names={{
                ...Object.fromEntries((categories ?? []).map((c) => [c.id, `${c.icon} ${language.value === 'en' ? c.labelEn : c.labelSv}`])),
                ...(o.areaId && o.areaName ? { [o.areaId]: o.areaName } : {}),
                ...(o.shiftId ? { [o.shiftId]: t('observation.shift') } : {}),
              }}
            />
          )}
        </>
      )}
    </Shell>
  );
}
