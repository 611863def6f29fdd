/**
 * How the association handles personal data: the privacy notice for everyone
 * signed in; the board may switch to the records of processing, the same
 * document with how much of each is held today. Before signing in (from an
 * invitation) the same notice is at /privacy/<association id>.
 */
import { useState } from 'preact/hooks';
import { Plain, Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import type { PrivacyDocument } from '../../../shared/api/privacy.js';
import { PrivacyText } from './PrivacyDocument.js';

export function Privacy() {
  const [records, setRecords] = useState(false);
  const doc = useLoad<PrivacyDocument>(records ? '/api/privacy/records' : '/api/privacy/notice');
  return (
    <Shell title={records ? t('privacy.records') : t('privacy.title')}>
      {can('privacy.records') && (
        <div class="button-row" role="group" aria-label={t('privacy.records')}>
          <button type="button" class={records ? 'secondary' : 'primary'} aria-pressed={!records} onClick={() => setRecords(false)}>
            {t('privacy.title')}
          </button>
          <button type="button" class={records ? 'primary' : 'secondary'} aria-pressed={records} onClick={() => setRecords(true)}>
            {t('privacy.showRecords')}
          </button>
        </div>
      )}
      {records && <p>{t('privacy.recordsIntro')}</p>}
      <Alert message={doc.error} />
      {doc.data && <PrivacyText doc={doc.data} />}
    </Shell>
  );
}

/** The notice before signing in, for someone invited. */
export function PublicPrivacy({ id }: { id: string }) {
  const doc = useLoad<PrivacyDocument>(`/api/privacy/notice/${id}`);
  return (
    <Plain title={t('privacy.title')}>
      <Alert message={doc.error} />
      {doc.data && <PrivacyText doc={doc.data} />}
    </Plain>
  );
}
