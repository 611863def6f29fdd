/** Adding or changing a recipient: who, in which language, how fast they should answer, and the channel with what it needs. */
import { useState } from 'preact/hooks';
import { patch, post } from '../../api.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { channels, deliveries, recipientKinds } from '../../../shared/domain/action-items.js';
import type { Recipient } from '../../../shared/api/reports.js';

interface Draft {
  name: string;
  kind: string;
  language: string;
  responseDays: string;
  channel: string;
  email: string;
  delivery: string;
  open311Url: string;
  open311ApiKey: string;
  open311Jurisdiction: string;
  /** One "category code = service code" per line. */
  serviceCodes: string;
  manualInstructions: string;
  active: boolean;
}

const draftOf = (r: Recipient | null): Draft => ({
  name: r?.name ?? '',
  kind: r?.kind ?? 'municipality',
  language: r?.language ?? 'sv',
  responseDays: String(r?.responseDays ?? 14),
  channel: r?.channel ?? 'email',
  email: r?.email ?? '',
  delivery: r?.delivery ?? 'each',
  open311Url: r?.open311Url ?? '',
  open311ApiKey: '',
  open311Jurisdiction: r?.open311Jurisdiction ?? '',
  serviceCodes: Object.entries(r?.open311ServiceCodes ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join('\n'),
  manualInstructions: r?.manualInstructions ?? '',
  active: r?.active ?? true,
});

const codesOf = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split('=').map((s) => s.trim()))
      .filter(([k, v]) => k && v),
  );

export function RecipientForm({ editing, onSaved }: { editing: Recipient | null; onSaved: (r: Recipient) => void }) {
  const [d, setD] = useState<Draft>(draftOf(editing));
  const set = (k: keyof Draft) => (value: string) => setD({ ...d, [k]: value });
  const form = useSubmit(async () => {
    const body = {
      name: d.name,
      kind: d.kind,
      language: d.language,
      responseDays: Number(d.responseDays),
      channel: d.channel,
      email: d.email.trim() || null,
      delivery: d.delivery,
      open311Url: d.open311Url.trim() || null,
      open311Jurisdiction: d.open311Jurisdiction.trim() || null,
      open311ServiceCodes: codesOf(d.serviceCodes),
      manualInstructions: d.manualInstructions.trim() || null,
      // A stored key is kept unless a new one is typed.
      ...(d.open311ApiKey.trim() ? { open311ApiKey: d.open311ApiKey.trim() } : editing ? {} : { open311ApiKey: null }),
    };
    const saved = editing
      ? await patch<Recipient>(`/api/recipients/${editing.id}`, { ...body, active: d.active })
      : await post<Recipient>('/api/recipients', body);
    if (!editing) setD(draftOf(null));
    onSaved(saved);
  });
  const title = editing ? `${t('recipients.edit')}: ${editing.name}` : t('recipients.add');
  return (
    <Form form={form} submitLabel={editing ? t('app.save') : t('recipients.add')} label={title}>
      <Field
        name="name"
        id={editing ? `recipient-name-${editing.id}` : 'recipient-name'}
        label={t('recipients.name')}
        value={d.name}
        onValue={set('name')}
        required
        problems={form.problems}
      />
      <Select
        name="kind"
        label={t('recipients.kind')}
        value={d.kind}
        onValue={set('kind')}
        options={recipientKinds.map((k) => ({ value: k, label: t(`recipients.kind.${k}`) }))}
      />
      <Select
        name="language"
        label={t('recipients.language')}
        value={d.language}
        onValue={set('language')}
        options={[
          { value: 'sv', label: 'Svenska' },
          { value: 'en', label: 'English' },
        ]}
      />
      <Field
        name="responseDays"
        type="number"
        inputMode="numeric"
        label={t('recipients.responseDays')}
        hint={t('recipients.responseDaysHint')}
        value={d.responseDays}
        onValue={set('responseDays')}
        problems={form.problems}
      />
      <Select
        name="channel"
        label={t('recipients.channel')}
        value={d.channel}
        onValue={set('channel')}
        problems={form.problems}
        options={channels.map((c) => ({ value: c, label: t(`recipients.channel.${c}`) }))}
      />
      {d.channel === 'email' && (
        <>
          <Field name="email" type="email" label={t('recipients.email')} value={d.email} onValue={set('email')} problems={form.problems} />
          <Select
            name="delivery"
            label={t('recipients.delivery')}
            value={d.delivery}
            onValue={set('delivery')}
            options={deliveries.map((x) => ({ value: x, label: t(`recipients.delivery.${x}`) }))}
          />
        </>
      )}
      {d.channel === 'open311' && (
        <>
          <Field name="open311Url" type="url" label={t('recipients.open311Url')} value={d.open311Url} onValue={set('open311Url')} problems={form.problems} />
          <Field
            name="open311ApiKey"
            label={t('recipients.open311ApiKey')}
            hint={editing?.open311ApiKey ? t('recipients.open311ApiKeyStored') : undefined}
            value={d.open311ApiKey}
            onValue={set('open311ApiKey')}
            autoComplete="off"
            problems={form.problems}
          />
          <Field
            name="open311Jurisdiction"
            label={t('recipients.open311Jurisdiction')}
            value={d.open311Jurisdiction}
            onValue={set('open311Jurisdiction')}
            problems={form.problems}
          />
          <Field
            name="open311ServiceCodes"
            rows={4}
            label={t('recipients.serviceCodes')}
            hint={t('recipients.serviceCodesHint')}
            value={d.serviceCodes}
            onValue={set('serviceCodes')}
            problems={form.problems}
          />
        </>
      )}
      {d.channel === 'manual' && (
        <>
          <Field
            name="manualInstructions"
            rows={3}
            label={t('recipients.manualInstructions')}
            hint={t('recipients.manualInstructionsHint')}
            value={d.manualInstructions}
            onValue={set('manualInstructions')}
            problems={form.problems}
          />
        </>
      )}
      {editing && <Checkbox name="active" label={t('recipients.active')} checked={d.active} onChecked={(active) => setD({ ...d, active })} />}
    </Form>
  );
}
