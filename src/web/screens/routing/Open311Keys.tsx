/** Keys for partner systems to the association's Open311 endpoint: issue one (shown once), see when each was used, revoke. */
import { useState } from 'preact/hooks';
import { del, post } from '../../api.js';
import { Checkbox, Field } from '../../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { formatDateTime, t } from '../../i18n.js';
import type { Open311Key, Open311KeyCreated } from '../../../shared/api/open311.js';

export function Open311Keys() {
  const keys = useLoad<Open311Key[]>('/api/open311-keys');
  const [name, setName] = useState('');
  const [maySubmit, setMaySubmit] = useState(true);
  const [issued, setIssued] = useState<Open311KeyCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useSubmit(async () => {
    setIssued(await post<Open311KeyCreated>('/api/open311-keys', { name, maySubmit }));
    setName('');
    keys.reload();
  });
  const revoke = (id: string) =>
    void del(`/api/open311-keys/${id}`)
      .then(() => keys.reload())
      .catch((e: Error) => setError(e.message));
  return (
    <>
      <p class="wrap-anywhere">{t('keys.intro', { url: `${location.origin}/open311/v2/discovery.json` })}</p>
      <Alert message={keys.error ?? error} />
      {issued && (
        <Notice>
          {t('keys.issued', { name: issued.name })} <code class="secret">{issued.key}</code>
        </Notice>
      )}
      {keys.data && keys.data.length > 0 && (
        <ul class="cards">
          {keys.data.map((k) => (
            <li key={k.id} class={`card${k.revokedAt || !k.issuerActive ? ' disabled' : ''}`}>
              <p>
                <strong>{k.name}</strong> · <code>{k.prefix}…</code>
              </p>
              <p class="hint">
                {k.maySubmit ? t('keys.readWrite') : t('keys.readOnly')} · {t('keys.issuedBy', { who: k.issuedBy, when: formatDateTime(k.createdAt) })}
                {' · '}
                {k.lastUsedAt ? t('keys.lastUsed', { when: formatDateTime(k.lastUsedAt) }) : t('keys.neverUsed')}
                {k.revokedAt && ` · ${t('keys.revoked', { when: formatDateTime(k.revokedAt) })}`}
                {!k.revokedAt && !k.issuerActive && ` · ${t('keys.issuerInactive')}`}
              </p>
              {!k.revokedAt && (
                <button type="button" class="danger" onClick={() => revoke(k.id)}>
                  {t('keys.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <details class="add">
        <summary>{t('keys.issue')}</summary>
        <Form form={form} submitLabel={t('keys.issue')} label={t('keys.issue')}>
          <Field name="name" id="key-name" label={t('keys.name')} hint={t('keys.nameHint')} value={name} onValue={setName} required problems={form.problems} />
          <Checkbox name="maySubmit" label={t('keys.maySubmit')} checked={maySubmit} onChecked={setMaySubmit} />
        </Form>
      </details>
    </>
  );
}
