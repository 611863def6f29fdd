/**
 * What accounts need to know about members, given to createAuth by app.ts so the
 * platform holds no SQL of a feature: who an account mail greets and in which
 * language, where an account event is logged, and what a changed address updates.
 */
import type { Language } from '../../../shared/i18n/translate.js';

export interface AccountMailContext {
  name: string;
  language: Language;
  associationId: string;
  associationName: string;
}

export interface AccountHooks {
  /** The member behind an account (by account id, else by address), or null. */
  mailContext(user: { id: string; email: string }): Promise<AccountMailContext | null>;
  /** Logs an account event on the member; actorIsMember false when something else caused it. */
  recordEvent(userId: string, action: string, after?: Record<string, unknown> | null, actorIsMember?: boolean): Promise<void>;
  /** A confirmed change of sign-in address: the member's address follows. */
  emailChanged(userId: string, email: string): Promise<void>;
}

/** better-auth's database hooks, mapped onto AccountHooks. */
export function databaseHooksFor(accounts: AccountHooks) {
  return {
    session: {
      create: { after: async (session: { userId: string }) => accounts.recordEvent(session.userId, 'auth.sign_in') },
      // A session ends by sign-out, deactivation or a password reset; who caused it is in the entry beside it.
      delete: { after: async (session: { userId: string }) => accounts.recordEvent(session.userId, 'auth.session_end', null, false) },
    },
    user: {
      update: {
        after: async (user: { id: string; email: string; twoFactorEnabled?: unknown; emailVerified?: unknown }) => {
          await accounts.emailChanged(user.id, user.email);
          await accounts.recordEvent(user.id, 'auth.account_update', {
            twoFactorEnabled: Boolean(user.twoFactorEnabled),
            emailVerified: Boolean(user.emailVerified),
          });
        },
      },
    },
  };
}
