/** A privacy document as people read it: what is kept, why, for how long, who gets it, the protection, and one's rights. */
import { formatDateTime, t } from '../../i18n.js';
import type { PrivacyDocument } from '../../../shared/api/privacy.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';

const kept = (c: PrivacyDocument['categories'][number]) =>
  c.retentionMonths !== null
    ? t('privacy.kept', { months: c.retentionMonths })
    : ['members', 'qualifications', 'partners'].includes(c.category)
      ? t('privacy.keptMembership')
      : t('privacy.keptFigures');

export function PrivacyText({ doc }: { doc: PrivacyDocument }) {
  const o = doc.outside;
  return (
    <>
      <p>{t('privacy.intro', { association: doc.association })}</p>
      <p>{t('privacy.controller', { association: doc.association, municipality: doc.municipality })}</p>
      <p class="hint">{t('privacy.generated', { when: formatDateTime(doc.generatedAt) })}</p>
      <h2>{t('privacy.categoriesHeading')}</h2>
      <ul class="cards">
        {doc.categories.map((c) => (
          <li class="card" key={c.category}>
            <h3>{t(`privacy.cat.${c.category}.title` as MessageKey)}</h3>
            <p>{t(`privacy.cat.${c.category}.what` as MessageKey)}</p>
            <p>{t(`privacy.cat.${c.category}.why` as MessageKey)}</p>
            <p>
              <strong>{kept(c)}</strong>
            </p>
            {c.held !== null && <p class="held">{t('privacy.held', { n: c.held })}</p>}
          </li>
        ))}
      </ul>
      <h2>{t('privacy.recipientsHeading')}</h2>
      <p>{t('privacy.recipientsIntro')}</p>
      {doc.recipients.length === 0 ? (
        <p>{t('privacy.none')}</p>
      ) : (
        <ul>
          {doc.recipients.map((r) => (
            <li key={r.name}>{r.name}</li>
          ))}
        </ul>
      )}
      <p>{t('privacy.partnersIntro')}</p>
      {doc.partners.length === 0 ? (
        <p>{t('privacy.none')}</p>
      ) : (
        <ul>
          {doc.partners.map((p) => (
            <li key={p.name}>{p.name}</li>
          ))}
        </ul>
      )}
      <h2>{t('privacy.outsideHeading')}</h2>
      <ul>
        <li>{t('privacy.outside.operator')}</li>
        {o.smtp && <li>{t('privacy.outside.smtp')}</li>}
        {o.mapTiles && <li>{t('privacy.outside.mapTiles', { host: o.mapTiles })}</li>}
        {o.geocoder && <li>{t('privacy.outside.geocoder', { host: o.geocoder })}</li>}
        {o.policeEvents && <li>{t('privacy.outside.police')}</li>}
        {o.est && <li>{t('privacy.outside.est')}</li>}
        {o.publicPage && <li>{t('privacy.outside.publicPage')}</li>}
      </ul>
      <h2>{t('privacy.measuresHeading')}</h2>
      <ul>
        <li>{doc.measures.https ? t('privacy.measures.https') : t('privacy.measures.noHttps')}</li>
        {doc.measures.twoFactorRequired && <li>{t('privacy.measures.twoFactor')}</li>}
        <li>{t('privacy.measures.common')}</li>
        <li>{t('privacy.measures.sessions', { days: doc.installationRetentionDays.endedSessions })}</li>
      </ul>
      <h2>{t('privacy.rightsHeading')}</h2>
      <ul>
        <li>{t('privacy.rights.access')}</li>
        <li>{t('privacy.rights.correct')}</li>
        <li>{t('privacy.rights.erasure')}</li>
        <li>{t('privacy.rights.complaint')}</li>
      </ul>
    </>
  );
}
