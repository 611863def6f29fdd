/** First run on an empty database: the association and its first admin. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { post } from '../../api.js';
import { EmailField, Field, PasswordField } from '../../components/Field.js';
import { Form, useSubmit } from '../../components/Form.js';
import { Plain } from '../../components/Shell.js';
import { language, t } from '../../i18n.js';
import { afterSignIn } from '../../session.js';

export function Setup({ onDone }: { onDone: () => void }) {
  const { route } = useLocation();
  const [v, setV] = useState({ associationName: '', municipality: '', adminName: '', email: '', password: '' });
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const form = useSubmit(async () => {
    await post('/api/setup', { ...v, language: language.value });
    await post('/api/auth/sign-in/email', { email: v.email, password: v.password });
    onDone();
    // As after any sign-in: a text size or language chosen on this page becomes the admin's own (it was lost).
    await afterSignIn();
    route('/');
  });
  return (
    <Plain title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <Form form={form} submitLabel={t('setup.submit')}>
        <Field
          name="associationName"
          label={t('setup.associationName')}
          value={v.associationName}
          onValue={set('associationName')}
          required
          problems={form.problems}
        />
        <Field name="municipality" label={t('setup.municipality')} value={v.municipality} onValue={set('municipality')} required problems={form.problems} />
        <Field
          name="adminName"
          label={t('setup.adminName')}
          value={v.adminName}
          onValue={set('adminName')}
          autoComplete="name"
          required
          problems={form.problems}
        />
        <EmailField value={v.email} onValue={set('email')} problems={form.problems} />
        <PasswordField kind="new" value={v.password} onValue={set('password')} problems={form.problems} />
      </Form>
    </Plain>
  );
}
