/** Audit entries as cards: the event in words, when, who, and what changed from what to what, as people read it. */
import { formatDateTime, t } from '../i18n.js';
import { auditActions, type AuditAction } from '../../shared/domain/audit-actions.js';
import { urgencies } from '../../shared/domain/categories.js';
import type { AuditEntry } from '../../shared/api/audit.js';
import type { MessageKey } from '../../shared/i18n/translate.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A translated text when the dictionary has the key, else null. */
function known(key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

/** "categoryId" and "category_id" both read "Kategori"; a field without a label is spelt out in words. */
function fieldName(k: string): string {
  const camel = k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return known(`audit.field.${camel}`) ?? camel.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());
}

/** A value as a person reads it: names for ids, words for urgencies and yes/no, local times, nothing for empty. */
function valueText(k: string, v: unknown, names: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '–';
  if (typeof v === 'boolean') return v ? t('app.yes') : t('app.no');
  if (typeof v === 'string' && UUID.test(v)) return names[v] ?? t('audit.value.other');
  // A photo's hash says nothing to a reader: that it was saved does.
  if (typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)) return t('audit.value.file');
  if (typeof v === 'string' && (urgencies as readonly string[]).includes(v)) return t(`observe.urgency.${v as (typeof urgencies)[number]}`);
  if (typeof v === 'string' && ISO_TIME.test(v)) return formatDateTime(v);
  if (Array.isArray(v)) return v.map((x) => valueText(k, x, names)).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function Changes({ entry, names }: { entry: AuditEntry; names: Record<string, string> }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  if (keys.length === 0) return null;
  return (
    <dl class="changes">
      {keys.map((k) => (
        <div key={k}>
          <dt>{fieldName(k)}</dt>
          <dd>
            {entry.before && k in entry.before ? `${valueText(k, entry.before[k], names)} → ` : ''}
            {valueText(k, entry.after?.[k] ?? null, names)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const label = (action: string) => ((auditActions as readonly string[]).includes(action) ? t(`audit.action.${action as AuditAction}`) : action);

/** names: what the ids in the entries stand for (categories, areas, members…), as the screen knows them. */
export function AuditEntries({ entries, names = {} }: { entries: AuditEntry[]; names?: Record<string, string> }) {
  return (
    <ul class="cards">
      {entries.map((e) => (
        <li key={e.id} class="card">
          <p class="card-title">{label(e.action)}</p>
          <p>
            {formatDateTime(e.createdAt)} · {e.actorName ?? '—'}
          </p>
          <Changes entry={e} names={names} />
        </li>
      ))}
    </ul>
  );
}
