/** Every action the audit log records, so the log can be filtered and read in words. */
export const auditActions = [
  'association.setup',
  'association.update',
  'partner.create',
  'member.seed',
  'member.read',
  'member.update',
  'member.deactivate',
  'member.reactivate',
  'member.email_change',
  'invitation.create',
  'invitation.resend',
  'invitation.revoke',
  'invitation.accept',
  'profile.update',
  'outbox.read',
  'auth.sign_in',
  'auth.session_end',
  'auth.password_change',
  'auth.account_update',
] as const;
export type AuditAction = (typeof auditActions)[number];
