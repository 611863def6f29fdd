/** Own profile: name, phone, language, text size, and two-factor authentication. */
import { useState } from 'preact/hooks';
import { patch, post } from '../api.js';
import { useLocation } from 'preact-iso';
import { Field, Select } from '../components/Field.js';
import { Form, Notice, useSubmit } from '../components/Form.js';
import { Shell } from '../components/Shell.js';
import { t } from '../i18n.js';
import { me, setMe } from '../session.js';
import { textSizes, type TextSize } from '../../shared/domain/roles.js';
import type { Me } from '../../shared/api/members.js';
import { TwoFactor } from './TwoFactor.js';
import { ChangeEmail } from './ChangeEmail.js';
import { CalendarFeeds } from './CalendarFeeds.js';
import { MyData } from './privacy/MyData.js';

const sizeLabel = { normal: 'profile.textNormal', large: 'profile.textLarge', larger: 'profile.textLarger' } as const;

export function Profile() {
  const m = me.value!;
  const [name, setName] = useState(m.member.name);
  const [phone, setPhone] = useState(m.member.phone ?? '');
  const [weeklyMax, setWeeklyMax] = useState(m.member.maxShiftsPerWeek === null ? '' : String(m.member.maxShiftsPerWeek));
  const [saved, setSaved] = useState(false);

  const save = useSubmit(async () => {
    setMe(await patch<Me>('/api/me', { name, phone: phone.trim() || null, maxShiftsPerWeek: weeklyMax.trim() === '' ? null : Number(weeklyMax) }));
    setSaved(true);
  });
  // Language and text size apply at once: a person who cannot read the screen should not have to find a save button.
  const { route } = useLocation();
  const signOutEverywhere = async () => {
    await post('/api/auth/revoke-sessions');
    setMe(null);
    route('/signin');
  };
  const choose = async (change: { language?: 'sv' | 'en'; textSize?: TextSize }) => setMe(await patch<Me>('/api/me', change));

  return (
    <Shell title={t('profile.title')}>
      <Select
        name="language"
        label={t('profile.language')}
        value={m.member.language}
        onValue={(v) => void choose({ language: v as 'sv' | 'en' })}
        options={[
          { value: 'sv', label: 'Svenska' },
          { value: 'en', label: 'English' },
        ]}
      />
      <fieldset class="sizes">
        <legend>{t('profile.textSize')}</legend>
        {textSizes.map((size) => (
          <div class="radio" key={size}>
            <input
              type="radio"
              id={`size-${size}`}
              name="textSize"
              value={size}
              checked={m.member.textSize === size}
              onChange={() => void choose({ textSize: size })}
            />
            <label for={`size-${size}`} class={`size-sample size-${size}`}>
              {t(sizeLabel[size])}
            </label>
          </div>
        ))}
      </fieldset>
      {saved && <Notice>{t('app.saved')}</Notice>}
      <Form form={save} submitLabel={t('app.save')}>
        <Field name="name" label={t('invite.name')} value={name} onValue={setName} autoComplete="name" problems={save.problems} />
        <Field name="phone" type="tel" label={t('member.phone')} value={phone} onValue={setPhone} autoComplete="tel" problems={save.problems} />
        {m.member.kind === 'volunteer' && (
          <Field
            name="maxShiftsPerWeek"
            type="number"
            inputMode="numeric"
            label={t('profile.weeklyMax')}
            hint={t('profile.weeklyMaxHint')}
            value={weeklyMax}
            onValue={setWeeklyMax}
            problems={save.problems}
          />
        )}
      </Form>
      <ChangeEmail />
      {m.member.kind === 'volunteer' && <CalendarFeeds />}
      <MyData />
      <h2>{t('profile.security')}</h2>
      <TwoFactor />
      <p>{t('profile.signOutEverywhereHelp')}</p>
      <button type="button" class="secondary" onClick={() => void signOutEverywhere()}>
        {t('profile.signOutEverywhere')}
      </button>
    </Shell>
  );
}
