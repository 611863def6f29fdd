/** Sign-in, with the two-factor step (app code or backup code) when the account has it on. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../../api.js';
import { EmailField, Field, PasswordField } from '../../components/Field.js';
import { Form, Notice, useSubmit } from '../../components/Form.js';
import { Plain } from '../../components/Shell.js';
import { t } from '../../i18n.js';
import { afterSignIn } from '../../session.js';

export function SignIn() {
  const { route, query } = useLocation();
  const [email, setEmail] = useState(query.email ?? '');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'totp' | 'backup'>('password');
  const [code, setCode] = useState('');

  const finish = async () => {
    await afterSignIn();
    // Only a local path: never an open redirect to another site.
    const next = query.next && query.next.startsWith('/') && !query.next.startsWith('//') ? query.next : '/';
    route(next);
  };
  const first = useSubmit(async () => {
    const res = await post<{ twoFactorRedirect?: boolean }>('/api/auth/sign-in/email', { email, password });
    if (res?.twoFactorRedirect) setStep('totp');
    else await finish();
  });
  const second = useSubmit(async () => {
    await post(step === 'totp' ? '/api/auth/two-factor/verify-totp' : '/api/auth/two-factor/verify-backup-code', { code: code.trim() });
    await finish();
  });

  if (step !== 'password') {
    return (
      <Plain title={t('signin.twoFactorTitle')}>
        <p>{step === 'totp' ? t('signin.twoFactorHelp') : t('signin.backupCode')}</p>
        <Form form={second} submitLabel={t('signin.verify')}>
          <Field
            name="code"
            label={step === 'totp' ? t('signin.code') : t('signin.backupCode')}
            value={code}
            onValue={setCode}
            autoComplete="one-time-code"
            inputMode={step === 'totp' ? 'numeric' : 'text'}
            required
          />
        </Form>
        {step === 'totp' && (
          <button type="button" class="secondary" onClick={() => setStep('backup')}>
            {t('signin.useBackup')}
          </button>
        )}
      </Plain>
    );
  }

  return (
    <Plain title={t('signin.title')}>
      {query.verified && <Notice>{t('app.saved')}</Notice>}
      <Form form={first} submitLabel={t('signin.submit')}>
        <EmailField value={email} onValue={setEmail} problems={first.problems} />
        <PasswordField kind="current" value={password} onValue={setPassword} problems={first.problems} />
      </Form>
      <p>
        <a href="/forgot-password">{t('signin.forgot')}</a>
      </p>
    </Plain>
  );
}
