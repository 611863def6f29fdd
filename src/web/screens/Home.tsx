/** The start screen: a greeting and one large button per thing this member may do. */
import { Alert } from '../components/Form.js';
import { Shell, visibleNavItems } from '../components/Shell.js';
import { t } from '../i18n.js';
import { me } from '../session.js';

export function Home() {
  const m = me.value!;
  return (
    <Shell title={t('home.title', { name: m.member.name.split(' ')[0] ?? '' })}>
      <Alert message={m.twoFactorRequired && !m.twoFactorEnabled ? t('error.two_factor_required') : null}>
        <a href="/profile">{t('nav.profile')}</a>
      </Alert>
      <p>
        {m.partnerOrganisation ? t('home.partnerIntro', { organisation: m.partnerOrganisation.name }) : t('home.intro', { association: m.association.name })}
      </p>
      <ul class="tiles">
        {visibleNavItems()
          .filter((i) => i.href !== '/')
          .map((i) => (
            <li key={i.href}>
              <a class="tile" href={i.href}>
                {t(i.label)}
              </a>
            </li>
          ))}
      </ul>
    </Shell>
  );
}
