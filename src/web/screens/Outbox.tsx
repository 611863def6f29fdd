/** The mail outbox (admins): what was sent or, without SMTP, kept; open one to read it. */
import { useState } from 'preact/hooks';
import { get } from '../api.js';
import { Shell } from '../components/Shell.js';
import { Alert } from '../components/Form.js';
import { useLoad } from '../components/useLoad.js';
import { ShowMore, usePaged } from '../components/ShowMore.js';
import { formatDateTime, t } from '../i18n.js';
import type { OutboxMail, OutboxSummary } from '../../shared/api/audit.js';

export function Outbox() {
  const { data, error } = useLoad<OutboxSummary[]>('/api/outbox');
  const [open, setOpen] = useState<OutboxMail | null>(null);
  // The newest first (as the server sends them), a page at a time.
  const paged = usePaged(data);
  return (
    <Shell title={t('outbox.title')}>
      <p>{t('outbox.help')}</p>
      <Alert message={error} />
      {data?.length === 0 && <p>{t('outbox.none')}</p>}
      <ul class="cards">
        {paged.page.map((m) => (
          <li key={m.id} class="card">
            <button
              type="button"
              class="card-button"
              aria-expanded={open?.id === m.id}
              onClick={() => void get<OutboxMail>(`/api/outbox/${m.id}`).then(setOpen)}
            >
              {m.subject}
            </button>
            <p>
              {t('outbox.to')}: {m.to} · {formatDateTime(m.createdAt)} · {t(`outbox.status.${m.status === 'sending' ? 'pending' : m.status}`)}
            </p>
            {open?.id === m.id && <pre class="mail-text">{open.text}</pre>}
          </li>
        ))}
      </ul>
      <ShowMore more={paged.more} total={paged.total} shown={paged.page.length} onMore={paged.showMore} />
    </Shell>
  );
}
