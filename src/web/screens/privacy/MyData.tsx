/** On the profile: download everything kept about me, and read how the association handles personal data. */
import { t } from '../../i18n.js';

export function MyData() {
  return (
    <section aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{t('access.mine')}</h2>
      <p>{t('access.mineIntro')}</p>
      <p>
        <a class="button secondary" href="/api/me/export" download>
          {t('access.download')}
        </a>
      </p>
      <p>
        <a href="/privacy">{t('privacy.linkFromProfile')}</a>
      </p>
    </section>
  );
}
