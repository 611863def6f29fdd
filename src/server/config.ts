/**
 * The only reader of process.env. Every setting is validated at boot and
 * documented here and in docs/configuration.md; the result is frozen.
 */
import { z } from 'zod';

const boolean = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  /** production turns on Secure cookies and hides stack traces in logs. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** TCP port the HTTP server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other hosts. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The address people use to reach the app; links in e-mails start with it. */
  PUBLIC_URL: z.url().optional(),
  /** Other origins allowed to call the API with the session cookie, comma-separated (e.g. the Vite dev server). */
  TRUSTED_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url()))
    .default([]),
  /** sqlite:PATH (default) or postgres://user@host:port/db. */
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .default('sqlite:./data/grannstod.db'),
  /** smtp://user:pass@host:port or smtps://…; without it mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender of every e-mail. */
  // Unset: no-reply at PUBLIC_URL's host (see mailFrom below).
  MAIL_FROM: z.string().min(3).optional(),
  /** Secret that signs session cookies; at least 32 characters. Required in production. */
  AUTH_SECRET: z.string().min(32).optional(),
  /** Folder for the generated development secret and other local state. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** pino level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when behind a reverse proxy so the client IP comes from X-Forwarded-For. */
  TRUST_PROXY: boolean.default(false),
  /** Failed sign-ins allowed per client IP within SIGNIN_WINDOW_SECONDS. */
  SIGNIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  /** Window for sign-in throttling, in seconds. */
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(60),
  /** API requests allowed per client IP per minute (a ceiling against abuse, far above normal use). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Requests per minute to a public route (answer links, calendar feeds, Open311) per token or key; per client IP four times as many. */
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** Seconds to wait for requests in flight at shutdown before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
  /** Map tiles: a URL template with {z}, {x}, {y} (and {s}); "none" draws maps without tiles (markers and areas on a plain background). */
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  /** The attribution the tile provider asks for. */
  MAP_TILE_ATTRIBUTION: z.string().default('© OpenStreetMap contributors'),
  /** A reverse geocoder speaking Nominatim's jsonv2, with {lat} and {lng}; "none" (the default) names places by the association's areas only. */
  GEOCODER_URL: z.string().default('none'),
  /** Address search speaking Nominatim's /search jsonv2, with {q}: places Open311 requests that give only an address. "none": a coordinator places them. */
  GEOCODER_SEARCH_URL: z.string().default('none'),
  /** Seconds between runs of the scheduled sweeps (reminders, digests, escalation, police events, retention); 0 turns them off. */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  /** on: this server also routes, delivers and runs the sweeps; off: web and API only (another server does the work); only: the work and no HTTP (a worker process). */
  BACKGROUND_WORK: z.enum(['on', 'off', 'only']).default('on'),
  /** Seconds between looks at the job table (routing, Open311, photos, retention) besides being woken by a change; 0: only when woken. */
  JOB_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(5),
  /** How long routing waits for the photos a phone said would follow an observation, in seconds. */
  PHOTO_GRACE_SECONDS: z.coerce.number().int().min(0).max(86400).default(300),
  OPEN311_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /** Host names on a private or local network that recipients' URLs (Open311) may still reach, comma-separated: a municipality's in-house system. */
  OUTGOING_ALLOW_HOSTS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ''),
        )
        .filter(Boolean),
    )
    .default([]),
  MAIL_CLAIM_SECONDS: z.coerce.number().int().min(1).max(86400).default(300),
  /** Polisen's open events API; "none" turns the police events off. */
  POLICE_EVENTS_URL: z.string().default('https://polisen.se/api/events'),
  POLICE_EVENTS_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  /** PUBLIC_URL's origin first, then TRUSTED_ORIGINS. */
  trustedOrigins: readonly string[];
  databaseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string | undefined;
  dataDir: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  trustProxy: boolean;
  signInMaxAttempts: number;
  signInWindowSeconds: number;
  shutdownGraceSeconds: number;
  apiRateLimitPerMinute: number;
  /** Per token or key on the routes that need no session; per IP four times as many. */
  publicRateLimitPerMinute: number;
  reminderIntervalSeconds: number;
  backgroundWork: boolean;
  /** False for a worker process (BACKGROUND_WORK=only): it listens on no port. */
  serveHttp: boolean;
  jobPollSeconds: number;
  /** How long a recipient's Open311 endpoint may take to answer before the try counts as failed. */
  open311TimeoutMs: number;
  /** Host names that users' URLs may reach although they resolve to private or local addresses. */
  outgoingAllowHosts: readonly string[];
  /** How long a mail being sent stays claimed by its worker; after that (a crashed server) another worker sends it. */
  mailClaimSeconds: number;
  photoGraceSeconds: number;
  /** null: no police events. */
  policeEventsUrl: string | null;
  policeEventsIntervalMinutes: number;
  /** null: no tiles. */
  mapTileUrl: string | null;
  mapTileAttribution: string;
  /** null: no street addresses. */
  geocoderUrl: string | null;
  geocoderSearchUrl: string | null;
}>;

/** How this server names itself to the outside services it calls (their terms ask for it). */
export const userAgent = (c: Pick<Config, 'publicUrl'>): string => `Grannstod/1 (+${c.publicUrl})`;

/** Parses and freezes the configuration; throws a readable error naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.POLICE_EVENTS_URL !== 'none' && !/^https?:\/\/[^/]+/.test(e.POLICE_EVENTS_URL)) {
    throw new Error('Invalid configuration:\n  POLICE_EVENTS_URL: an http(s) URL, or "none"');
  }
  if (e.MAP_TILE_URL !== 'none' && !/^https?:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(e.MAP_TILE_URL)) {
    throw new Error('Invalid configuration:\n  MAP_TILE_URL: an http(s) URL template with {z}, {x} and {y}, or "none"');
  }
  if (e.GEOCODER_SEARCH_URL !== 'none' && !/^https?:\/\/.*\{q\}/.test(e.GEOCODER_SEARCH_URL)) {
    throw new Error('Invalid configuration:\n  GEOCODER_SEARCH_URL: an http(s) URL template with {q}, or "none"');
  }
  if (e.GEOCODER_URL !== 'none' && !/^https?:\/\/.*\{lat\}.*\{lng\}/.test(e.GEOCODER_URL)) {
    throw new Error('Invalid configuration:\n  GEOCODER_URL: an http(s) URL template with {lat} and {lng}, or "none"');
  }
  // The public address is made from the port when unset; with PORT=0 the port is not known until the server listens,
  // and links in mail and the trusted origin would name port 0.
  if (e.PORT === 0 && !e.PUBLIC_URL) {
    throw new Error('Invalid configuration:\n  PUBLIC_URL: required with PORT=0 (the system picks the port, so the address people use must be given)');
  }
  if (e.NODE_ENV === 'production' && !e.AUTH_SECRET) {
    throw new Error('Invalid configuration:\n  AUTH_SECRET: required in production');
  }
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    trustedOrigins: [new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin, ...e.TRUSTED_ORIGINS.map((o) => new URL(o).origin)],
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    // The installation's own host is the one domain it surely may send from; a local one is warned about at start.
    mailFrom: e.MAIL_FROM ?? `Grannstöd <noreply@${new URL(e.PUBLIC_URL ?? 'http://grannstod.local').hostname}>`,
    authSecret: e.AUTH_SECRET,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    signInMaxAttempts: e.SIGNIN_MAX_ATTEMPTS,
    signInWindowSeconds: e.SIGNIN_WINDOW_SECONDS,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
    apiRateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    reminderIntervalSeconds: e.REMINDER_INTERVAL_SECONDS,
    backgroundWork: e.BACKGROUND_WORK !== 'off',
    serveHttp: e.BACKGROUND_WORK !== 'only',
    jobPollSeconds: e.JOB_POLL_SECONDS,
    open311TimeoutMs: e.OPEN311_TIMEOUT_MS,
    outgoingAllowHosts: e.OUTGOING_ALLOW_HOSTS,
    mailClaimSeconds: e.MAIL_CLAIM_SECONDS,
    photoGraceSeconds: e.PHOTO_GRACE_SECONDS,
    policeEventsUrl: e.POLICE_EVENTS_URL === 'none' ? null : e.POLICE_EVENTS_URL,
    policeEventsIntervalMinutes: e.POLICE_EVENTS_INTERVAL_MINUTES,
    mapTileUrl: e.MAP_TILE_URL === 'none' ? null : e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    geocoderUrl: e.GEOCODER_URL === 'none' ? null : e.GEOCODER_URL,
    geocoderSearchUrl: e.GEOCODER_SEARCH_URL === 'none' ? null : e.GEOCODER_SEARCH_URL,
  });
}
