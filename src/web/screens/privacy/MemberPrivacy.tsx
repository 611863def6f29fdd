/**
 * On a member's page, for admins: the member's access export (made on their
 * request, audited) and, once they are deactivated, anonymising them for good,
 * confirmed by typing their name.
 */
import { useState } from 'preact/hooks';
import { post } from '../../api.js';
import { Field } from '../../components/Field.js';
import { Form, Notice, useSubmit } from '../../components/Form.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import type { MemberDetail } from '../../../shared/api/members.js';

export function MemberPrivacy({ member, onChange }: { member: MemberDetail; onChange: (m: MemberDetail) => void }) {
  const [confirmName, setConfirmName] = useState('');
  const [done, setDone] = useState(false);
  const erase = useSubmit(async () => {
    onChange(await post<MemberDetail>(`/api/members/${member.id}/anonymise`, { confirmName }));
    setDone(true);
  });
  if (!can('member.export')) return null;
  return (
    <>
      {member.status !== 'anonymised' && (
        <section aria-labelledby="member-export-heading">
          <h2 id="member-export-heading">{t('access.heading')}</h2>
          <p>{t('access.intro', { name: member.name })}</p>
          <p>
            <a class="button secondary" href={`/api/members/${member.id}/export`} download>
              {t('access.download')}
            </a>
          </p>
        </section>
      )}
      {done && <Notice>{t('erase.done')}</Notice>}
      {member.status === 'inactive' && can('member.anonymise') && (
        <section aria-labelledby="member-erase-heading">
          <h2 id="member-erase-heading">{t('erase.heading')}</h2>
          <p>{t('erase.intro')}</p>
          <Form form={erase} submitLabel={t('erase.submit')} label={t('erase.heading')} kind="danger">
            <Field
              name="confirmName"
              label={t('erase.confirmName')}
              value={confirmName}
              onValue={setConfirmName}
              problems={erase.problems}
              autoComplete="off"
            />
          </Form>
        </section>
      )}
    </>
  );
}
