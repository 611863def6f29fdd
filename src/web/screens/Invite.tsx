/** Invite a member or a partner by e-mail, and see or revoke open invitations. */
import { useState } from 'preact/hooks';
import { del, post } from '../api.js';
import { Checkbox, Field, Select } from '../components/Field.js';
import { Form, Notice, useSubmit } from '../components/Form.js';
import { Shell } from '../components/Shell.js';
import { useLoad } from '../components/useLoad.js';
import { formatDateTime, language, t } from '../i18n.js';
import { can } from '../session.js';
import { roles, type Role } from '../../shared/domain/roles.js';
import type { InvitationSummary } from '../../shared/api/members.js';
import type { PartnerOrganisation } from '../../shared/api/associations.js';

const adminOnlyRoles: Role[] = ['admin', 'coordinator'];

export function Invite() {
  const [v, setV] = useState({ name: '', email: '', language: language.value as string, kind: 'volunteer', partnerOrganisationId: '' });
  const [chosen, setChosen] = useState<Role[]>(['volunteer']);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const open = useLoad<InvitationSummary[]>('/api/invitations');
  const partners = useLoad<PartnerOrganisation[]>('/api/partner-organisations');
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });
  const offered = roles.filter((r) => can('member.changeRoles') || !adminOnlyRoles.includes(r));

  const form = useSubmit(async () => {
    const isPartner = v.kind === 'partner';
    await post('/api/invitations', {
      name: v.name,
      email: v.email,
      language: v.language,
      kind: v.kind,
      roles: isPartner ? [] : chosen,
      partnerOrganisationId: isPartner ? v.partnerOrganisationId || null : null,
    });
    setSentTo(v.email);
    setV({ ...v, name: '', email: '' });
    open.reload();
  });
  const revoke = async (id: string) => {
    await del(`/api/invitations/${id}`);
    open.reload();
  };
  const [resentTo, setResentTo] = useState<string | null>(null);
  const resend = async (id: string) => {
    const again = await post<InvitationSummary>(`/api/invitations/${id}/resend`);
    setResentTo(again.email);
    open.reload();
  };

  return (
    <Shell title={t('invite.title')}>
      {sentTo && <Notice>{t('invite.sent', { email: sentTo })}</Notice>}
      <Form form={form} submitLabel={t('invite.submit')}>
        <Field name="name" label={t('invite.name')} value={v.name} onValue={set('name')} autoComplete="off" required problems={form.problems} />
        <Field
          name="email"
          type="email"
          label={t('invite.email')}
          value={v.email}
          onValue={set('email')}
          autoComplete="off"
          required
          problems={form.problems}
        />
        <Select
          name="language"
          label={t('invite.language')}
          value={v.language}
          onValue={set('language')}
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Select
          name="kind"
          label={t('invite.kind')}
          value={v.kind}
          onValue={set('kind')}
          options={[
            { value: 'volunteer', label: t('invite.kindVolunteer') },
            { value: 'partner', label: t('invite.kindPartner') },
          ]}
        />
        {v.kind === 'partner' ? (
          <Select
            name="partnerOrganisationId"
            label={t('invite.partnerOrganisation')}
            value={v.partnerOrganisationId}
            onValue={set('partnerOrganisationId')}
            problems={form.problems}
            options={[{ value: '', label: '—' }, ...(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))]}
          />
        ) : (
          <fieldset>
            <legend>{t('invite.roles')}</legend>
            {offered.map((r) => (
              <Checkbox
                key={r}
                name={`role-${r}`}
                label={t(`role.${r}`)}
                checked={chosen.includes(r)}
                onChecked={(on) => setChosen(on ? [...chosen, r] : chosen.filter((x) => x !== r))}
              />
            ))}
          </fieldset>
        )}
      </Form>
      <h2>{t('invite.pending')}</h2>
      {resentTo && <Notice>{t('invite.resent', { email: resentTo })}</Notice>}
      <ul class="cards">
        {open.data?.map((i) => (
          <li key={i.id} class="card">
            <p class="card-title">{i.name}</p>
            <p>{i.email}</p>
            <p>{t('invite.expires', { date: formatDateTime(i.expiresAt) })}</p>
            <div class="button-row">
              <button type="button" class="secondary" onClick={() => void resend(i.id)} aria-label={`${t('invite.resend')}: ${i.name}`}>
                {t('invite.resend')}
              </button>
              <button type="button" class="secondary" onClick={() => void revoke(i.id)} aria-label={`${t('invite.revoke')}: ${i.name}`}>
                {t('invite.revoke')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Shell>
  );
}
