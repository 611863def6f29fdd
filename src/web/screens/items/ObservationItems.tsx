/** On an observation: the items it went to, and for coordinators the open items nearby it could join. */
import { useState } from 'preact/hooks';
import { api, post } from '../../api.js';
import { useLoad } from '../../components/useLoad.js';
import { Alert, Form, useSubmit } from '../../components/Form.js';
import { Select } from '../../components/Field.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import type { ItemSummary, Recipient } from '../../../shared/api/reports.js';
import { ItemList } from './ItemList.js';

/** A coordinator sends the observation to one more recipient than the rules chose. */
function SendToMore({ observationId, items, onSent }: { observationId: string; items: ItemSummary[]; onSent: () => void }) {
  const recipients = useLoad<Recipient[]>('/api/recipients');
  const choices = (recipients.data ?? []).filter((r) => r.active && !items.some((i) => i.recipientId === r.id));
  const [recipientId, setRecipientId] = useState('');
  const form = useSubmit(async () => {
    await post('/api/action-items', { observationId, recipientId: recipientId || choices[0]?.id });
    setRecipientId('');
    onSent();
  });
  if (choices.length === 0) return null;
  return (
    <details class="add">
      <summary>{t('items.sendToMore')}</summary>
      <Form form={form} submitLabel={t('items.send')} label={t('items.sendToMore')}>
        <Select
          name="recipientId"
          label={t('rules.recipient')}
          value={recipientId || choices[0]!.id}
          onValue={setRecipientId}
          problems={form.problems}
          options={choices.map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form>
    </details>
  );
}

export function ObservationItems({ observationId }: { observationId: string }) {
  const items = useLoad<ItemSummary[]>(`/api/action-items?observationId=${observationId}`);
  const staff = can('item.manage');
  const duplicates = useLoad<(ItemSummary & { distanceM: number })[]>(staff ? `/api/observations/${observationId}/duplicates` : null);
  const [error, setError] = useState<string | null>(null);
  const join = (itemId: string) =>
    void api('POST', `/api/action-items/${itemId}/observations`, { observationId })
      .then(() => {
        items.reload();
        duplicates.reload();
      })
      .catch((e: Error) => setError(e.message));
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">{t('items.ofObservation')}</h2>
      <Alert message={items.error ?? error} />
      {items.data && <ItemList items={items.data} empty={t('items.noneForObservation')} />}
      {staff && items.data && <SendToMore observationId={observationId} items={items.data} onSent={items.reload} />}
      {staff && duplicates.data && duplicates.data.length > 0 && (
        <>
          <h3>{t('items.duplicates')}</h3>
          <ul class="cards">
            {duplicates.data.map((d) => (
              <li key={d.id} class="card">
                <a href={`/items/${d.id}`}>
                  {d.categoryLabel} → {d.recipientName}
                </a>
                <p>{t('items.distance', { m: d.distanceM })}</p>
                <button type="button" onClick={() => join(d.id)}>
                  {t('items.join')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
