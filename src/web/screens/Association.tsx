/** Association settings (admins): name, municipality, two-factor rule, partner organisations. */
import { useEffect, useState } from 'preact/hooks';
import { patch, post } from '../api.js';
import { Checkbox, Field, Select } from '../components/Field.js';
import { Alert, Form, Notice, useSubmit } from '../components/Form.js';
import { Shell } from '../components/Shell.js';
import { useLoad } from '../components/useLoad.js';
import { t } from '../i18n.js';
import { loadMe } from '../session.js';
import { partnerKinds } from '../../shared/domain/roles.js';
import type { Area, Association as AssociationData, PartnerOrganisation } from '../../shared/api/associations.js';

/** The shift rules' number fields, in order, with the hint that explains one of them. */
const shiftRuleFields = [
  ['signupClosesHours', null],
  ['withdrawDeadlineHours', 'association.withdrawDeadlineHint'],
  ['checkinGraceMinutes', null],
  ['shortShiftNoticeDays', null],
] as const;

export function Association() {
  const assoc = useLoad<AssociationData>('/api/association');
  const partners = useLoad<PartnerOrganisation[]>('/api/partner-organisations');
  const areas = useLoad<Area[]>('/api/areas');
  const [v, setV] = useState({ name: '', municipality: '', requireTwoFactor: false, contactEmail: '', estEmail: '', publicPage: false });
  const [rules, setRules] = useState({ signupClosesHours: '', withdrawDeadlineHours: '', checkinGraceMinutes: '', shortShiftNoticeDays: '' });
  const [rulesSaved, setRulesSaved] = useState(false);
  const [p, setP] = useState({ name: '', kind: 'police' });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!assoc.data) return;
    const a = assoc.data;
    setV({
      name: a.name,
      municipality: a.municipality,
      requireTwoFactor: a.requireTwoFactor,
      contactEmail: a.contactEmail ?? '',
      estEmail: a.estEmail ?? '',
      publicPage: a.publicPage,
    });
    setRules({
      signupClosesHours: String(a.signupClosesHours),
      withdrawDeadlineHours: String(a.withdrawDeadlineHours),
      checkinGraceMinutes: String(a.checkinGraceMinutes),
      shortShiftNoticeDays: String(a.shortShiftNoticeDays),
    });
  }, [assoc.data]);

  const save = useSubmit(async () => {
    assoc.setData(await patch<AssociationData>('/api/association', { ...v, contactEmail: v.contactEmail.trim() || null, estEmail: v.estEmail.trim() || null }));
    setSaved(true);
    await loadMe();
  });
  const saveRules = useSubmit(async () => {
    assoc.setData(await patch<AssociationData>('/api/association', Object.fromEntries(Object.entries(rules).map(([k, x]) => [k, Number(x)]))));
    setRulesSaved(true);
  });
  const rule = (k: keyof typeof rules) => (x: string) => setRules({ ...rules, [k]: x });
  const add = useSubmit(async () => {
    await post('/api/partner-organisations', p);
    setP({ name: '', kind: p.kind });
    partners.reload();
  });

  return (
    <Shell title={t('association.title')}>
      {saved && <Notice>{t('app.saved')}</Notice>}
      <Alert message={assoc.error} />
      {!assoc.data && !assoc.error && <p class="loading">{t('app.loading')}</p>}
      {/* The forms show once the saved values are in: anything typed before would be overwritten by them. */}
      {assoc.data && (
        <>
          <Form form={save} submitLabel={t('app.save')}>
            <Field name="name" label={t('setup.associationName')} value={v.name} onValue={(name) => setV({ ...v, name })} problems={save.problems} />
            <Field
              name="municipality"
              label={t('setup.municipality')}
              value={v.municipality}
              onValue={(municipality) => setV({ ...v, municipality })}
              problems={save.problems}
            />
            <Field
              name="contactEmail"
              type="email"
              label={t('association.contactEmail')}
              hint={t('association.contactEmailHint')}
              value={v.contactEmail}
              onValue={(contactEmail) => setV({ ...v, contactEmail })}
              problems={save.problems}
            />
            <Field
              name="estEmail"
              type="email"
              label={t('association.estEmail')}
              hint={t('association.estEmailHint')}
              value={v.estEmail}
              onValue={(estEmail) => setV({ ...v, estEmail })}
              problems={save.problems}
            />
            <Checkbox name="publicPage" label={t('association.publicPage')} checked={v.publicPage} onChecked={(publicPage) => setV({ ...v, publicPage })} />
            {v.publicPage && assoc.data && (
              <p>
                {t('association.publicPageAt')} <a href={`/p/${assoc.data.id}`}>{`${location.origin}/p/${assoc.data.id}`}</a>
              </p>
            )}
            <Checkbox
              name="requireTwoFactor"
              label={t('association.requireTwoFactor')}
              checked={v.requireTwoFactor}
              onChecked={(requireTwoFactor) => setV({ ...v, requireTwoFactor })}
            />
          </Form>
          <h2>{t('association.shiftRules')}</h2>
          {rulesSaved && <Notice>{t('app.saved')}</Notice>}
          <Form form={saveRules} submitLabel={t('app.save')} label={t('association.shiftRules')}>
            {shiftRuleFields.map(([name, hint]) => (
              <Field
                key={name}
                name={name}
                type="number"
                inputMode="numeric"
                label={t(`association.${name}`)}
                hint={hint ? t(hint) : undefined}
                value={rules[name]}
                onValue={rule(name)}
                problems={saveRules.problems}
              />
            ))}
          </Form>
        </>
      )}
      <h2>{t('association.vehicles')}</h2>
      <p>
        <a href="/cars">{t('nav.cars')}</a>
      </p>
      <h2>{t('association.areas')}</h2>
      <p>{areas.data?.map((a) => a.name).join(', ')}</p>
      <h2>{t('association.partners')}</h2>
      <ul class="cards">
        {partners.data?.map((o) => (
          <li key={o.id} class="card">
            <p class="card-title">{o.name}</p>
            <p>{t(`partner.${o.kind}`)}</p>
          </li>
        ))}
      </ul>
      <h3>{t('association.addPartner')}</h3>
      <Form form={add} submitLabel={t('association.addPartner')}>
        <Field
          name="partner-name"
          label={t('association.partnerName')}
          value={p.name}
          onValue={(name) => setP({ ...p, name })}
          problems={add.problems.map((x) => ({ ...x, field: `partner-${x.field}` }))}
        />
        <Select
          name="partner-kind"
          label={t('association.partnerKind')}
          value={p.kind}
          onValue={(kind) => setP({ ...p, kind })}
          options={partnerKinds.map((k) => ({ value: k, label: t(`partner.${k}`) }))}
        />
      </Form>
    </Shell>
  );
}
