/** One action item: where it went, its timeline, and what a coordinator can do (record an answer, retry, send a held one). */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { Shell } from '../../components/Shell.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { Field, Select } from '../../components/Field.js';
import { useLoad } from '../../components/useLoad.js';
import { formatDateTime, t } from '../../i18n.js';
import { can } from '../../session.js';
import { answerStates, closedStates } from '../../../shared/domain/action-items.js';
import type { ItemDetail as Item } from '../../../shared/api/reports.js';
import { stateLabel } from './ItemList.js';

/** A coordinator records an answer given by phone (PATCH); a partner answers their own organisation's item, as the recipient (POST …/answer). */
function AnswerForm({ item, onSaved, asRecipient = false }: { item: Item; onSaved: (i: Item) => void; asRecipient?: boolean }) {
  const states = !asRecipient && item.state === 'queued' && item.channel === 'manual' ? (['sent', ...answerStates] as const) : answerStates;
  const [state, setState] = useState<string>(states[0]);
  const [reference, setReference] = useState(item.externalReference ?? '');
  const [note, setNote] = useState('');
  const form = useSubmit(async () => {
    const body = { state, externalReference: reference.trim() || null, ...(note.trim() && { note: note.trim() }) };
    onSaved(await (asRecipient ? api<Item>('POST', `/api/action-items/${item.id}/answer`, body) : api<Item>('PATCH', `/api/action-items/${item.id}`, body)));
  });
  return (
    <Form form={form} submitLabel={asRecipient ? t('items.answer') : t('app.save')} label={asRecipient ? t('items.answerTitle') : t('items.record')}>
      <Select
        name="state"
        label={t('items.newState')}
        value={state}
        onValue={setState}
        problems={form.problems}
        options={states.map((s) => ({ value: s, label: t(`items.state.${s}`) }))}
      />
      <Field name="externalReference" label={t('items.reference')} value={reference} onValue={setReference} problems={form.problems} />
      <Field name="note" label={t('items.note')} value={note} onValue={setNote} problems={form.problems} />
    </Form>
  );
}

export function ItemDetail({ id }: { id: string }) {
  const { data: item, error, setData } = useLoad<Item>(`/api/action-items/${id}`);
  const [saved, setSaved] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const act = (path: string) =>
    void api<Item>('POST', `/api/action-items/${id}/${path}`, {})
      .then((i) => {
        setData(i);
        setSaved(true);
      })
      .catch((e: Error) => setActionError(e.message));
  const staff = can('item.manage');
  return (
    <Shell title={item ? `${item.icon} ${item.categoryLabel} → ${item.recipientName}` : t('items.title')}>
      <Alert message={error ?? actionError} />
      {saved && <Notice>{t('app.saved')}</Notice>}
      {item && (
        <>
          <dl class="facts">
            <div>
              <dt>{t('items.stateLabel')}</dt>
              <dd>{stateLabel(item)}</dd>
            </div>
            {item.externalReference && (
              <div>
                <dt>{t('items.reference')}</dt>
                <dd>{item.externalReference}</dd>
              </div>
            )}
            {item.dueAt && (
              <div>
                <dt>{t('items.due')}</dt>
                <dd>{formatDateTime(item.dueAt)}</dd>
              </div>
            )}
            {item.recheckDueAt && (
              <div>
                <dt>{t('recheck.due')}</dt>
                <dd>{item.recheckResult ? t(`recheck.result.${item.recheckResult}`) : formatDateTime(item.recheckDueAt)}</dd>
              </div>
            )}
            {item.manualInstructions && (
              <div>
                <dt>{t('items.manual')}</dt>
                <dd>{item.manualInstructions}</dd>
              </div>
            )}
            {item.deliveryError && (
              <div>
                <dt>{t('items.failedLabel')}</dt>
                <dd class="field-error">{item.deliveryError}</dd>
              </div>
            )}
          </dl>
          <h2>{t('items.reported')}</h2>
          <ul class="cards">
            {item.reported.map((o, n) => (
              <li key={o.observationId ?? n} class="card">
                <p class="card-title">{formatDateTime(o.observedAt)}</p>
                <p>{[o.address, o.areaName, `${o.lat.toFixed(5)}, ${o.lng.toFixed(5)}`].filter(Boolean).join(' · ')}</p>
                {o.text && <p>{o.text}</p>}
                {o.observationId && can('observation.create') && (
                  <a class="button-link" href={`/observations/${o.observationId}`}>
                    {t('items.observation', { n: n + 1 })}
                  </a>
                )}
              </li>
            ))}
          </ul>
          {staff && item.state === 'new' && (
            <button type="button" class="primary" onClick={() => act('send')}>
              {t('items.sendHeld')}
            </button>
          )}
          {staff && (item.state === 'new' || item.state === 'queued') && (
            <button type="button" class="danger" onClick={() => act('withdraw')}>
              {t('items.withdraw')}
            </button>
          )}
          {staff && item.deliveryError && (
            <button type="button" class="primary" onClick={() => act('retry')}>
              {t('items.retry')}
            </button>
          )}
          <h2>{t('items.timeline')}</h2>
          <ol class="timeline">
            {item.events.map((e) => (
              <li key={e.id}>
                <strong>{t(`items.event.${e.kind}`)}</strong>
                {e.state && ` · ${t(`items.state.${e.state}`)}`} · {formatDateTime(e.at)}
                {` · ${e.by === 'recipient' ? item.recipientName : e.by === 'member' ? (e.memberName ?? t('items.byMember')) : t('items.bySystem')}`}
                {e.externalReference && ` · ${t('items.reference')}: ${e.externalReference}`}
                {e.note && <p>{e.note}</p>}
              </li>
            ))}
          </ol>
          {can('item.answerAddressed') && !closedStates.includes(item.state as (typeof closedStates)[number]) && (
            <>
              <h2>{t('items.answerTitle')}</h2>
              <p>{t('items.answerHelp')}</p>
              <AnswerForm
                item={item}
                asRecipient
                onSaved={(i) => {
                  setData(i);
                  setSaved(true);
                }}
              />
            </>
          )}
          {staff && item.state !== 'new' && (
            <>
              <h2>{t('items.record')}</h2>
              <p>{t('items.recordHelp')}</p>
              <AnswerForm
                item={item}
                onSaved={(i) => {
                  setData(i);
                  setSaved(true);
                }}
              />
            </>
          )}
        </>
      )}
    </Shell>
  );
}
