/** Opening an invitation link: choose a password, and be signed in with it at once. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, get, post } from '../../api.js';
import { PasswordField } from '../../components/Field.js';
import { Alert, Form, useSubmit } from '../../components/Form.js';
import { Plain } from '../../components/Shell.js';
import { setLanguage, t } from '../../i18n.js';
import { afterSignIn, choseBeforeSignIn } from '../../session.js';
import type { InvitationPreview } from '../../../shared/api/members.js';

export function AcceptInvite() {
  const { query, route } = useLocation();
  const token = query.token ?? '';
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [password, setPassword] = useState('');

  useEffect(() => {
    get<InvitationPreview>(`/api/invitation-links/${encodeURIComponent(token)}`)
      .then((p) => {
        // The language the admin chose for the invitee, unless they have already chosen one on this phone.
        if (!choseBeforeSignIn()) setLanguage(p.language);
        setPreview(p);
      })
      .catch((err: unknown) => setProblem(err instanceof ApiError ? err.title : t('app.error')));
  }, [token]);

  const form = useSubmit(async () => {
    await post(`/api/invitation-links/${encodeURIComponent(token)}/accept`, { password });
    // The password was just chosen: asking for it again on the sign-in page would only be a hurdle.
    try {
      await post('/api/auth/sign-in/email', { email: preview!.email, password });
      await afterSignIn();
      route('/');
    } catch {
      route(`/signin?email=${encodeURIComponent(preview!.email)}`);
    }
  });

  if (problem) {
    return (
      <Plain title={t('signin.title')}>
        <Alert message={problem} />
        <p>
          <a href="/signin">{t('signin.title')}</a>
        </p>
      </Plain>
    );
  }
  if (!preview) return <Plain title={t('app.loading')}>{null}</Plain>;
  return (
    <Plain title={t('accept.title', { association: preview.association })}>
      <p>{t('accept.help', { email: preview.email })}</p>
      <Form form={form} submitLabel={t('accept.submit')}>
        <input type="email" name="email" value={preview.email} autoComplete="username" hidden readOnly />
        <PasswordField kind="new" value={password} onValue={setPassword} problems={form.problems} />
      </Form>
    </Plain>
  );
}
