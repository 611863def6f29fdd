/**
 * A member's address is unique within an association, not across them. Before,
 * inviting an address that a member of another association holds was refused,
 * which told any admin that the address belonged to someone somewhere. Now the
 * invitation is made like any other; an account still has one address (better-auth
 * keeps user e-mail unique), so the invitee who already has one is told so when
 * they open the link, and no one else learns it.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('members_email').execute();
  await db.schema.createIndex('members_association_email').on('members').columns(['association_id', 'email']).unique().execute();
  // Finding a person's rows by address (sign-in mail, erasure) still wants an index on the address alone.
  await db.schema.createIndex('members_email_lookup').on('members').column('email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('members_email_lookup').execute();
  await db.schema.dropIndex('members_association_email').execute();
  await db.schema.createIndex('members_email').on('members').column('email').unique().execute();
}
