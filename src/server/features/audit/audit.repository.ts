/** Reads the audit log of one association, newest first, with filters and keyset paging. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import type { AuditQuery } from '../../../shared/api/audit.js';

export async function listAudit(db: Kysely<Database>, associationId: string, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('members', 'members.id', 'audit_log.actor_member_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.actor_member_id',
      'members.name as actor_name',
      'audit_log.before_json',
      'audit_log.after_json',
      'audit_log.created_at',
    ])
    .where('audit_log.association_id', '=', associationId);
  if (q.action) query = query.where('audit_log.action', '=', q.action);
  if (q.entityType) query = query.where('audit_log.entity_type', '=', q.entityType);
  if (q.actorMemberId) query = query.where('audit_log.actor_member_id', '=', q.actorMemberId);
  if (q.entityId) query = query.where('audit_log.entity_id', '=', q.entityId);
  if (q.from) query = query.where('audit_log.created_at', '>=', `${q.from}T00:00:00.000Z`);
  if (q.to) query = query.where('audit_log.created_at', '<=', `${q.to}T23:59:59.999Z`);
  if (q.before) query = query.where('audit_log.created_at', '<', q.before);
  const rows = await query.orderBy('audit_log.created_at', 'desc').orderBy('audit_log.id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    actorMemberId: r.actor_member_id,
    actorName: r.actor_name,
    before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
    createdAt: r.created_at,
  }));
}
