/** Writes audit entries inside the caller's transaction, so a change and its record commit together. */
import { newId, nowIso } from '../db/ids.js';
import type { Executor } from '../db/database.js';

export interface AuditEntry {
  associationId: string | null;
  actorMemberId: string | null;
  /** e.g. member.update, member.read, invitation.accept */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Keeps only the fields that changed, so the log shows before → after without noise. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/** The audit_log row of an entry (for a repository that writes it in the same statement as the change). */
export function auditRow(entry: AuditEntry) {
  return {
    id: newId(),
    association_id: entry.associationId,
    actor_member_id: entry.actorMemberId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: entry.before ? JSON.stringify(entry.before) : null,
    after_json: entry.after ? JSON.stringify(entry.after) : null,
    created_at: nowIso(),
  };
}

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}
