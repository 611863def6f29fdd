/** Turning TOTP two-factor on (key, backup codes, confirm with a code) and off. */
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { Field, PasswordField } from '../components/Field.js';
import { Form, useSubmit } from '../components/Form.js';
import { t } from '../i18n.js';
import { loadMe, me } from '../session.js';

export function TwoFactor() {
  const enabled = me.value?.twoFactorEnabled ?? false;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [pending, setPending] = useState<{ secret: string; backupCodes: string[] } | null>(null);

  const start = useSubmit(async () => {
    const res = await post<{ totpURI: string; backupCodes: string[] }>('/api/auth/two-factor/enable', { password });
    setPending({ secret: new URL(res.totpURI).searchParams.get('secret') ?? '', backupCodes: res.backupCodes });
    setPassword('');
  });
  const confirm = useSubmit(async () => {
    await post('/api/auth/two-factor/verify-totp', { code: code.trim() });
    setPending(null);
    setCode('');
    await loadMe();
  });
  const disable = useSubmit(async () => {
    await post('/api/auth/two-factor/disable', { password });
    setPassword('');
    await loadMe();
  });

  if (pending) {
    return (
      <section aria-labelledby="tf-title">
        <h3 id="tf-title">{t('profile.twoFactorEnable')}</h3>
        <p>{t('profile.twoFactorSecret')}</p>
        <p class="secret" data-testid="totp-secret">
          {pending.secret}
        </p>
        <p>{t('profile.twoFactorBackup')}</p>
        <ul class="codes" data-testid="backup-codes">
          {pending.backupCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Form form={confirm} submitLabel={t('signin.verify')}>
          <Field name="totp" label={t('profile.twoFactorConfirm')} value={code} onValue={setCode} inputMode="numeric" autoComplete="one-time-code" required />
        </Form>
      </section>
    );
  }
  const form = enabled ? disable : start;
  return (
    <section>
      <p>{enabled ? t('profile.twoFactorOn') : t('profile.twoFactorOff')}</p>
      <Form form={form} submitLabel={enabled ? t('profile.twoFactorDisable') : t('profile.twoFactorEnable')}>
        <PasswordField kind="current" name="current-password" label={t('profile.currentPassword')} value={password} onValue={setPassword} />
      </Form>
    </section>
  );
}
