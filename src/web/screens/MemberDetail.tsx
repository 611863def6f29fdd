/** One member: contact details, roles, dated qualifications, deactivate or reactivate. */
import { useEffect, useState } from 'preact/hooks';
import { patch, post } from '../api.js';
import { Checkbox, Field } from '../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../components/Form.js';
import { Shell } from '../components/Shell.js';
import { AuditEntries } from '../components/AuditEntries.js';
import { MemberPrivacy } from './privacy/MemberPrivacy.js';
import type { AuditEntry } from '../../shared/api/audit.js';
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import { can } from '../session.js';
import { qualificationKinds, roles, type QualificationKind, type Role } from '../../shared/domain/roles.js';
import type { MemberDetail as Detail } from '../../shared/api/members.js';

type QualificationDates = Partial<Record<QualificationKind, { achievedOn: string; expiresOn: string }>>;

export function MemberDetail({ id }: { id: string }) {
  const { data, error, setData } = useLoad<Detail>(`/api/members/${id}`);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [chosenRoles, setRoles] = useState<Role[]>([]);
  const [dates, setDates] = useState<QualificationDates>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setName(data.name);
    setPhone(data.phone ?? '');
    setRoles(data.roles);
    setDates(Object.fromEntries(data.qualifications.map((q) => [q.kind, { achievedOn: q.achievedOn, expiresOn: q.expiresOn ?? '' }])));
  }, [data]);

  const save = useSubmit(async () => {
    setSaved(false);
    const qualifications = qualificationKinds
      .filter((k) => dates[k]?.achievedOn)
      .map((k) => ({ kind: k, achievedOn: dates[k]!.achievedOn, expiresOn: dates[k]!.expiresOn || null }));
    const body = { name, phone: phone.trim() || null, qualifications, ...(can('member.changeRoles') && data?.kind === 'volunteer' && { roles: chosenRoles }) };
    setData(await patch<Detail>(`/api/members/${id}`, body));
    setSaved(true);
    setVersion((v) => v + 1);
  });
  // Deactivating signs a person out: it asks once more, so a slip of the finger changes nothing.
  const [confirming, setConfirming] = useState(false);
  // Bumped after each change, so the history below reloads.
  const [version, setVersion] = useState(0);
  const toggleActive = useSubmit(async () => {
    setData(await post<Detail>(`/api/members/${id}/${data?.status === 'inactive' ? 'reactivate' : 'deactivate'}`));
    setConfirming(false);
    setVersion((v) => v + 1);
  });

  if (error)
    return (
      <Shell title={t('member.title')}>
        <Alert message={error} />
      </Shell>
    );
  if (!data)
    return (
      <Shell title={t('member.title')}>
        <p>{t('app.loading')}</p>
      </Shell>
    );
  return (
    <Shell title={data.name}>
      <p>
        <a href="/members">{t('app.back')}</a>
      </p>
      {data.status === 'inactive' && <Notice passive>{t('member.deactivated')}</Notice>}
      {saved && <Notice>{t('app.saved')}</Notice>}
      <p>
        {t('signin.email')}: {data.email}
      </p>
      <Form form={save} submitLabel={t('app.save')}>
        <Field name="name" label={t('invite.name')} value={name} onValue={setName} problems={save.problems} />
        <Field name="phone" type="tel" label={t('member.phone')} value={phone} onValue={setPhone} autoComplete="tel" problems={save.problems} />
        {data.kind === 'volunteer' && can('member.changeRoles') && (
          <fieldset>
            <legend>{t('members.roles')}</legend>
            {roles.map((r) => (
              <Checkbox
                key={r}
                name={`role-${r}`}
                label={t(`role.${r}`)}
                checked={chosenRoles.includes(r)}
                onChecked={(on) => setRoles(on ? [...chosenRoles, r] : chosenRoles.filter((x) => x !== r))}
              />
            ))}
          </fieldset>
        )}
        {data.kind === 'volunteer' && (
          <fieldset>
            <legend>{t('member.qualifications')}</legend>
            {qualificationKinds.map((k) => {
              const value = dates[k] ?? { achievedOn: '', expiresOn: '' };
              const set = (change: Partial<typeof value>) => setDates({ ...dates, [k]: { ...value, ...change } });
              const index = qualificationKinds.filter((x) => dates[x]?.achievedOn).indexOf(k);
              const problems = save.problems.map((p) => ({ ...p, field: p.field.replace(`qualifications.${index}.expiresOn`, `qualification-${k}-expires`) }));
              return (
                <fieldset key={k} class="qualification">
                  <legend>{t(`qualification.${k}`)}</legend>
                  <Field
                    name={`qualification-${k}`}
                    type="date"
                    label={t('member.achievedOn')}
                    value={value.achievedOn}
                    onValue={(achievedOn) => set({ achievedOn })}
                  />
                  <Field
                    name={`qualification-${k}-expires`}
                    type="date"
                    label={t('member.expiresOn')}
                    value={value.expiresOn}
                    onValue={(expiresOn) => set({ expiresOn })}
                    problems={problems}
                  />
                </fieldset>
              );
            })}
          </fieldset>
        )}
      </Form>
      {can('member.deactivate') && data.status !== 'invited' && data.status !== 'anonymised' && (
        <form onSubmit={toggleActive.submit} class={confirming ? 'confirm' : undefined}>
          <Alert message={toggleActive.error} />
          {data.status === 'inactive' ? (
            <button type="submit" class="secondary" disabled={toggleActive.busy}>
              {t('member.reactivate')}
            </button>
          ) : confirming ? (
            <>
              <p role="alert">{t('member.deactivateConfirm', { name: data.name })}</p>
              <div class="button-row">
                <button type="submit" class="danger" disabled={toggleActive.busy}>
                  {t('member.deactivate')}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t('member.deactivate')}
            </button>
          )}
        </form>
      )}
      <MemberPrivacy
        member={data}
        onChange={(m) => {
          setData(m);
          setVersion((v) => v + 1);
        }}
      />
      {can('audit.read') && <MemberHistory key={version} memberId={id} />}
    </Shell>
  );
}

/** What happened to this member and what they did, newest first (admins). */
function MemberHistory({ memberId }: { memberId: string }) {
  const { data } = useLoad<AuditEntry[]>(`/api/audit?entityId=${memberId}&limit=50`);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('member.history')}</h2>
      <AuditEntries entries={data ?? []} />
    </section>
  );
}
