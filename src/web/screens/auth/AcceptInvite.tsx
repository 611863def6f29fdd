/** Opening an invitation link: choose a password, then sign in. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiError, get, post } from '../../api.js';
import { PasswordField } from '../../components/Field.js';
import { Alert, Form, useSubmit } from '../../components/Form.js';
import { Plain } from '../../components/Shell.js';
import { setLanguage, t } from '../../i18n.js';
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
        setLanguage(p.language);
        setPreview(p);
      })
      .catch((err: unknown) => setProblem(err instanceof ApiError ? err.title : t('app.error')));
  }, [token]);

  const form = useSubmit(async () => {
    await post(`/api/invitation-links/${encodeURIComponent(token)}/accept`, { password });
    route(`/signin?email=${encodeURIComponent(preview!.email)}`);
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
