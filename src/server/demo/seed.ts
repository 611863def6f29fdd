/** Building blocks that create associations and members with accounts: used by the demo and by test factories. */
import type { AppContext } from '../context.js';
import { createCredentialUser } from '../platform/auth/accounts.js';
import { recordAudit } from '../platform/audit/audit.repository.js';
import { nowIso } from '../platform/db/ids.js';
import type { MemberKind, QualificationKind, Role } from '../../shared/domain/roles.js';
import type { Language } from '../../shared/i18n/translate.js';
import { insertAssociation } from '../features/associations/associations.repository.js';
import { insertMember, replaceQualifications } from '../features/members/members.repository.js';

export interface SeedMember {
  name: string;
  email: string;
  password: string;
  roles: Role[];
  kind?: MemberKind;
  partnerOrganisationId?: string | null;
  phone?: string | null;
  language?: Language;
  qualifications?: { kind: QualificationKind; achievedOn: string; expiresOn?: string | null }[];
}

export async function seedAssociation(ctx: AppContext, a: { name: string; municipality: string }): Promise<string> {
  return insertAssociation(ctx.db, { ...a, defaultLanguage: 'sv', now: nowIso() });
}

/** An active member with a verified account that can sign in at once. */
export async function seedMember(ctx: AppContext, associationId: string, m: SeedMember): Promise<string> {
  const email = m.email.toLowerCase();
  const userId = await createCredentialUser(ctx.auth, { email, name: m.name, password: m.password, emailVerified: true });
  return ctx.db.transaction().execute(async (trx) => {
    const memberId = await insertMember(trx, {
      associationId,
      userId,
      kind: m.kind ?? 'volunteer',
      partnerOrganisationId: m.partnerOrganisationId ?? null,
      name: m.name,
      email,
      phone: m.phone ?? null,
      language: m.language ?? 'sv',
      status: 'active',
      roles: m.kind === 'partner' ? [] : m.roles,
      now: nowIso(),
    });
    if (m.qualifications?.length) {
      await replaceQualifications(
        trx,
        associationId,
        memberId,
        m.qualifications.map((q) => ({ kind: q.kind, achievedOn: q.achievedOn, expiresOn: q.expiresOn ?? null })),
      );
    }
    await recordAudit(trx, {
      associationId,
      actorMemberId: null,
      action: 'member.seed',
      entityType: 'member',
      entityId: memberId,
      after: { name: m.name, roles: m.roles },
    });
    return memberId;
  });
}
