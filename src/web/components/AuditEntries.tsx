/** Audit entries as cards: the event in words, when, who, and what changed from what to what. */
import { formatDateTime, t } from '../i18n.js';
import { auditActions, type AuditAction } from '../../shared/domain/audit-actions.js';
import type { AuditEntry } from '../../shared/api/audit.js';

function Changes({ entry }: { entry: AuditEntry }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return null;
  return (
    <dl class="changes">
      {keys.map((k) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>
            {entry.before && k in entry.before ? `${JSON.stringify(entry.before[k])} → ` : ''}
            {JSON.stringify(entry.after?.[k] ?? null)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const label = (action: string) => ((auditActions as readonly string[]).includes(action) ? t(`audit.action.${action as AuditAction}`) : action);

export function AuditEntries({ entries }: { entries: AuditEntry[] }) {
  return (
    <ul class="cards">
      {entries.map((e) => (
        <li key={e.id} class="card">
          <p class="card-title">{label(e.action)}</p>
          <p>
            {formatDateTime(e.createdAt)} · {e.actorName ?? '—'}
          </p>
          <Changes entry={e} />
        </li>
      ))}
    </ul>
  );
}
