/** Browsing the audit log: admins only, always within their own association. */
import type { AppContext } from '../../context.js';
import { authorize, type Actor } from '../../platform/policies.js';
import type { AuditEntry, AuditQuery } from '../../../shared/api/audit.js';
import { listAudit } from './audit.repository.js';

export async function browseAudit(ctx: AppContext, actor: Actor, query: AuditQuery): Promise<AuditEntry[]> {
  authorize(actor, 'audit.read');
  return listAudit(ctx.db, actor.associationId, query);
}

/** One entity's history, for a screen that has authorized its reader already (an observation's timeline). */
export const historyOf = (ctx: AppContext, associationId: string, entityType: string, entityId: string) =>
  listAudit(ctx.db, associationId, { entityType, entityId, limit: 200 });
