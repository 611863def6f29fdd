/** Changing the own e-mail address: it changes only when a link sent to the new address is opened. */
import { useState } from 'preact/hooks';
import { post } from '../api.js';
import { EmailField } from '../components/Field.js';
import { Form, Notice, useSubmit } from '../components/Form.js';
import { t } from '../i18n.js';
import { me } from '../session.js';

export function ChangeEmail() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSubmit(async () => {
    await post('/api/auth/change-email', { newEmail: email.trim(), callbackURL: '/profile' });
    setSentTo(email.trim());
    setEmail('');
  });
  return (
    <section aria-labelledby="email-title">
      <h2 id="email-title">{t('profile.email')}</h2>
      <p>{me.value?.member.email}</p>
      {sentTo && <Notice>{t('profile.emailSent', { email: sentTo })}</Notice>}
      <Form form={form} submitLabel={t('profile.changeEmail')}>
        <EmailField
          label={t('profile.newEmail')}
          autoComplete="email"
          value={email}
          onValue={setEmail}
          problems={form.problems.map((p) => ({ ...p, field: p.field === 'newEmail' ? 'email' : p.field }))}
        />
      </Form>
    </section>
  );
}
