/** What every feature's routes receive: configuration, database, accounts, mail and the actor resolver. */
import type { FastifyRequest } from 'fastify';
import type { Config } from './config.js';
import type { Db, Dialect } from './platform/db/database.js';
import type { Auth } from './platform/auth/auth.js';
import type { Actor } from './platform/policies.js';
import type { FileStore } from './platform/files/file-store.js';
import type { Geocoder } from './platform/geo/geocoder.js';
import type { OutboxSettings } from './platform/mail/outbox.repository.js';
import type { Clock } from './platform/clock.js';

export interface Mail extends OutboxSettings {
  /** Wakes the mail worker after a mail was queued. */
  kick(): void;
}

export interface ActorOptions {
  /** Let a member who must enrol in two-factor still reach this route (profile, /me). */
  allowMissingTwoFactor?: boolean;
}

export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  auth: Auth;
  mail: Mail;
  /** The time now; tests set it to walk through a shift's life. */
  clock: Clock;
  /** Signs the answer links sent to recipients (derived from the auth secret). */
  linkSecret: string;
  /** Wakes the job worker: routing of new observations and Open311 deliveries. */
  jobs: { kick(): void };
  /** Photos and other files, stored by content hash. */
  files: FileStore;
  /** Street addresses for positions (none when no geocoder is configured). */
  geocoder: Geocoder;
  actorOf(request: FastifyRequest, options?: ActorOptions): Promise<Actor>;
}
