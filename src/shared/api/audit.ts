/** API schemas of the audit log and the mail outbox. */
import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.js';
import { auditActions } from '../domain/audit-actions.js';

export const auditQuery = z.strictObject({
  action: z.enum(auditActions).optional(),
  entityType: z.string().trim().max(40).optional(),
  actorMemberId: id.optional(),
  entityId: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  before: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEntry = z.object({
  id,
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorMemberId: z.string().nullable(),
  actorName: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
});

export const outboxSummary = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  language: z.string(),
  status: z.enum(['kept', 'pending', 'sending', 'sent', 'failed', 'cancelled']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export const outboxMail = outboxSummary.extend({ text: z.string(), html: z.string() });

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type OutboxSummary = z.infer<typeof outboxSummary>;
export type OutboxMail = z.infer<typeof outboxMail>;
