/** Forgotten password (ask for a link) and choosing a new one from the link. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../../api.js';
import { EmailField, PasswordField } from '../../components/Field.js';
import { Form, Notice, useSubmit } from '../../components/Form.js';
import { Plain } from '../../components/Shell.js';
import { t } from '../../i18n.js';

export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useSubmit(async () => {
    await post('/api/auth/request-password-reset', { email, redirectTo: '/reset-password' });
    setSent(true);
  });
  return (
    <Plain title={t('forgot.title')}>
      {sent ? (
        <Notice>{t('forgot.sent')}</Notice>
      ) : (
        <>
          <p>{t('forgot.help')}</p>
          <Form form={form} submitLabel={t('forgot.submit')}>
            <EmailField autoComplete="email" value={email} onValue={setEmail} problems={form.problems} />
          </Form>
        </>
      )}
      <p>
        <a href="/signin">{t('signin.title')}</a>
      </p>
    </Plain>
  );
}

export function ResetPassword() {
  const { query } = useLocation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useSubmit(async () => {
    await post('/api/auth/reset-password', { token: query.token ?? '', newPassword: password });
    setDone(true);
  });
  return (
    <Plain title={t('reset.title')}>
      {done ? (
        <Notice>
          {t('reset.done')} <a href="/signin">{t('signin.title')}</a>
        </Notice>
      ) : (
        <Form form={form} submitLabel={t('reset.submit')}>
          <PasswordField kind="new" value={password} onValue={setPassword} problems={form.problems} />
        </Form>
      )}
    </Plain>
  );
}
