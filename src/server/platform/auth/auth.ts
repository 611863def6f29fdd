/**
 * Accounts through better-auth: e-mail + password (argon2id), sessions in
 * httpOnly cookies, e-mail verification, password reset, TOTP two-factor with
 * backup codes and sign-in throttling per client IP. Roles are ours (policies.ts).
 */
import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { claimTotpCode } from './totp-uses.repository.js';
import { realNow } from '../clock.js';
import type { Config } from '../../config.js';
import type { Db, Dialect } from '../db/database.js';
import { enqueueMail } from '../mail/outbox.repository.js';
import { mailLinkKey } from '../mail/sealed-links.js';
import { renderMail, type MailTemplate } from '../mail/templates.js';
import { databaseHooksFor, type AccountHooks } from './account-hooks.js';
import { SESSION_EXPIRES_IN_S, SESSION_UPDATE_AGE_S } from './session.js';

/** The header the server sets from request.ip; any value a client sends is overwritten. */
export const CLIENT_IP_HEADER = 'x-grannstod-client-ip';
export const MIN_PASSWORD_LENGTH = 10;

export interface AuthDeps {
  config: Config;
  db: Db;
  dialect: Dialect;
  secret: string;
  accounts: AccountHooks;
  onMailQueued: () => void;
}

/** Hashes with argon2id at OWASP's recommended cost (19 MiB, 2 passes). */
export const hashPassword = (password: string) =>
  // @node-rs/argon2 defaults to argon2id.
  hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
export const verifyPassword = ({ hash: h, password }: { hash: string; password: string }) => verify(h, password).catch(() => false);

export function createAuth(deps: AuthDeps) {
  const { config, db } = deps;

  const outbox = { smtpConfigured: Boolean(config.smtpUrl), linkKey: mailLinkKey(deps.secret) };
  /** Queues an account mail in the member's language; its link grants access, so it is stored sealed. */
  async function mailUser(template: MailTemplate, user: { id: string; email: string; name: string }, link: string) {
    const member = await deps.accounts.mailContext(user);
    const language = member?.language ?? 'sv';
    const rendered = renderMail(language, template, { name: member?.name ?? user.name, association: member?.associationName ?? 'Grannstöd', link });
    await enqueueMail(db, { ...rendered, to: user.email, language, associationId: member?.associationId ?? null, secretLinks: [link] }, outbox);
    deps.onMailQueued();
  }

  const throttle = { window: config.signInWindowSeconds, max: config.signInMaxAttempts };

  return betterAuth({
    appName: 'Grannstöd',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: deps.secret,
    database: { db, type: deps.dialect },
    trustedOrigins: [...config.trustedOrigins],
    emailAndPassword: {
      enabled: true,
      // Accounts come only from setup and invitations.
      disableSignUp: true,
      requireEmailVerification: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: { hash: hashPassword, verify: verifyPassword },
      onPasswordReset: async ({ user }) => deps.accounts.recordEvent(user.id, 'auth.password_change'),
      sendResetPassword: async ({ user, token }) => mailUser('reset', user, `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`),
    },
    user: { changeEmail: { enabled: true } },
    emailVerification: {
      sendOnSignIn: true,
      expiresIn: 24 * 60 * 60,
      // better-auth's link verifies the address (or, for a change of address, switches to it), then opens the callback page.
      sendVerificationEmail: async ({ user, url }) => mailUser('verify', user, url),
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_UPDATE_AGE_S },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 120,
      customRules: {
        '/sign-in/email': throttle,
        '/two-factor/verify-totp': throttle,
        '/two-factor/verify-backup-code': throttle,
        '/request-password-reset': throttle,
      },
    },
    advanced: {
      cookiePrefix: 'grannstod',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    telemetry: { enabled: false },
    // Our own logs say what matters; better-auth's warnings (e.g. each wrong password) are noise.
    logger: { level: 'error' },
    databaseHooks: databaseHooksFor(deps.accounts),
    hooks: {
      // A code that opened a session is spent: the same code again (a replay) gets no session.
      after: createAuthMiddleware(async (ctx) => {
        const created = ctx.context.newSession;
        if (ctx.path !== '/two-factor/verify-totp' || !created) return;
        if (await claimTotpCode(db, created.user.id, String((ctx.body as { code?: unknown } | undefined)?.code ?? ''), realNow())) return;
        await ctx.context.internalAdapter.deleteSession(created.session.token);
        throw new APIError('UNAUTHORIZED', { message: 'Invalid code', code: 'INVALID_CODE' });
      }),
    },
    plugins: [twoFactor({ issuer: 'Grannstöd', backupCodeOptions: { amount: 10, length: 10 } })],
  });
}

export type Auth = ReturnType<typeof createAuth>;
