/** All SQL about invitations. A token is stored only as its SHA-256 hash. */
import { newId } from '../../platform/db/ids.js';
import type { Executor } from '../../platform/db/database.js';

export interface InvitationRecord {
  id: string;
  associationId: string;
  memberId: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

const columns = ['id', 'association_id', 'member_id', 'expires_at', 'accepted_at', 'revoked_at', 'created_at'] as const;

function toRecord(r: {
  id: string;
  association_id: string;
  member_id: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
  created_at: string;
}): InvitationRecord {
  return {
    id: r.id,
    associationId: r.association_id,
    memberId: r.member_id,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
    createdAt: r.created_at,
  };
}

export async function insertInvitation(
  db: Executor,
  i: { associationId: string; memberId: string; tokenHash: string; expiresAt: string; createdBy: string | null; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('invitations')
    .values({
      id,
      association_id: i.associationId,
      member_id: i.memberId,
      token_hash: i.tokenHash,
      expires_at: i.expiresAt,
      accepted_at: null,
      revoked_at: null,
      created_by: i.createdBy,
      created_at: i.now,
    })
    .execute();
  return id;
}

export async function findByTokenHash(db: Executor, tokenHash: string): Promise<InvitationRecord | undefined> {
  const r = await db.selectFrom('invitations').select(columns).where('token_hash', '=', tokenHash).executeTakeFirst();
  return r && toRecord(r);
}

export async function findInvitation(db: Executor, associationId: string, id: string): Promise<InvitationRecord | undefined> {
  const r = await db.selectFrom('invitations').select(columns).where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
  return r && toRecord(r);
}

/** Open invitations with the invited person's name and e-mail, newest first. */
export async function listOpenInvitations(db: Executor, associationId: string, now: string) {
  return db
    .selectFrom('invitations')
    .innerJoin('members', 'members.id', 'invitations.member_id')
    .select(['invitations.id', 'invitations.member_id', 'invitations.expires_at', 'invitations.created_at', 'members.name', 'members.email'])
    .where('invitations.association_id', '=', associationId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at', 'desc')
    .execute();
}

/** Marks an open, unexpired invitation accepted; false when it was used, revoked or expired meanwhile. */
export async function claimInvitation(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function unclaimInvitation(db: Executor, id: string): Promise<void> {
  await db.updateTable('invitations').set({ accepted_at: null }).where('id', '=', id).execute();
}

export async function revokeOpenInvitations(db: Executor, associationId: string, memberId: string, now: string): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Finds a member by e-mail anywhere: e-mail addresses are unique across the installation. */
/** The association's member with this address, if any (another association's members are not looked at: that would tell). */
export async function findMemberIdentityByEmail(db: Executor, associationId: string, email: string) {
  return db
    .selectFrom('members')
    .select(['id', 'association_id', 'user_id', 'status'])
    .where('association_id', '=', associationId)
    .where('email', '=', email)
    .executeTakeFirst();
}
