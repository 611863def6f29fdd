/** Account operations our own flows need (setup, invitations, deactivation) through better-auth's adapter. */
import type { Auth } from './auth.js';

/** Creates a user with an e-mail + password credential; returns the user id. */
export async function createCredentialUser(auth: Auth, input: { email: string; name: string; password: string; emailVerified: boolean }): Promise<string> {
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser({ email: input.email, name: input.name, emailVerified: input.emailVerified }, { method: 'email-password' });
  await ctx.internalAdapter.createAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return user.id;
}

/** Removes a user and their credentials (used to undo a half-made account). */
export async function deleteUser(auth: Auth, userId: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUser(userId);
}

/** Signs a user out everywhere (deactivation). */
export async function revokeAllSessions(auth: Auth, userId: string): Promise<void> {
  const ctx = await auth.$context;
  await ctx.internalAdapter.deleteUserSessions(userId);
}

/** The signed-in user for these request headers, or null. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<{ id: string; twoFactorEnabled: boolean } | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  return { id: session.user.id, twoFactorEnabled: Boolean((session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled) };
}
