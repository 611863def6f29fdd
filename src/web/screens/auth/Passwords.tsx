/** Forgotten password (ask for a link) and choosing a new one from the link. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../../api.js';
import { Field } from '../../components/Field.js';
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
          <Form onSubmit={form.submit} error={form.error} busy={form.busy} submitLabel={t('forgot.submit')}>
            <Field
              name="email"
              type="email"
              label={t('signin.email')}
              value={email}
              onValue={setEmail}
              autoComplete="email"
              required
              problems={form.problems}
            />
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
        <Form onSubmit={form.submit} error={form.error} busy={form.busy} submitLabel={t('reset.submit')}>
          <Field
            name="password"
            type="password"
            label={t('password.new')}
            value={password}
            onValue={setPassword}
            autoComplete="new-password"
            minLength={10}
            required
            problems={form.problems}
          />
        </Form>
      )}
    </Plain>
  );
}
