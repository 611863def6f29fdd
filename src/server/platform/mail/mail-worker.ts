/** Sends queued mail over SMTP with retries; wakes on a timer and whenever a mail is queued. */
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { pollingLoop } from '../jobs/polling-loop.js';
import type { Db } from '../db/database.js';
import { unsealLinks } from './sealed-links.js';
import { mailHeaders } from './headers.js';
import { claimMail, dueMails, markAttemptFailed, markSent, releaseStaleClaims } from './outbox.repository.js';

/** What a feature wants to know of a mail's fate, and the photos it attaches (read from the file store by hash). */
export interface MailHooks {
  sent?(mailId: string): Promise<void>;
  failed?(mailId: string, error: string, final: boolean): Promise<void>;
  readAttachment?(sha256: string): Promise<Buffer | null>;
}

export interface MailWorkerOptions {
  intervalMs?: number;
  /** The first retry waits this long, each next one twice as long (at most an hour). */
  backoffBaseMs?: number;
  hooks?: MailHooks;
  /** A mail claimed longer ago than this belongs to a worker that died while sending it: it is sent again. */
  claimTimeoutMs?: number;
  /** Unseals the links that grant access, just before sending. */
  linkKey: Buffer;
  /** Resolves once the database is migrated: no run starts before (a first start would read tables not made yet). */
  ready?: Promise<unknown>;
}

export interface MailWorker {
  /** Ask for a run soon (after a mail was queued). */
  kick(): void;
  /** Sends everything due now; resolves when done. Used by tests and at shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 8;

export function startMailWorker(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger, options: MailWorkerOptions): MailWorker {
  const { intervalMs = 15_000, backoffBaseMs = 5_000, hooks = {}, claimTimeoutMs = 5 * 60_000, linkKey } = options;
  if (!smtpUrl) {
    return { kick: () => undefined, drain: async () => undefined, stop: async () => undefined };
  }
  // One connection kept open for many mails: opening one costs about 100 ms (bench/RESULTS.md, delivery), sending on it a few.
  // Bounded waits, all well inside the claim: a send still in progress is never taken for a crashed one and sent twice.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 1,
    maxMessages: 500,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  async function runOnce(): Promise<void> {
    await releaseStaleClaims(db, claimTimeoutMs);
    for (;;) {
      const batch = await dueMails(db, 20);
      if (batch.length === 0 || loop.stopped()) return;
      for (const mail of batch) {
        if (!(await claimMail(db, mail.id))) continue;
        try {
          const attachments = await attachmentsOf(mail.attachments, hooks);
          const body = unsealLinks({ text: mail.text_body, html: mail.html_body }, mail.sealed_links, linkKey);
          await transport.sendMail({
            from,
            to: mail.to_address,
            subject: mail.subject,
            text: body.text,
            html: body.html,
            attachments,
            ...mailHeaders(mail, from, mail.reply_to),
          });
          await markSent(db, mail.id);
          await hooks.sent?.(mail.id);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          log.warn({ mailId: mail.id, attempt: mail.attempts + 1 }, `mail send failed: ${message}`);
          const final = mail.attempts + 1 >= MAX_ATTEMPTS;
          await markAttemptFailed(db, mail.id, mail.attempts + 1, message, MAX_ATTEMPTS, backoffBaseMs);
          await hooks.failed?.(mail.id, message, final);
        }
      }
    }
  }

  // intervalMs 0: no polling, only kicks (a web-only server, whose kicks app.ts turns off, sends nothing). Otherwise
  // what waited while the server was down (or was cut off by a crash) goes out as soon as it starts.
  const loop = pollingLoop('mail worker', runOnce, { intervalMs, log, ready: options.ready, runAtStart: true });
  return {
    kick: loop.kick,
    drain: loop.drain,
    stop: async () => {
      await loop.stop();
      transport.close();
    },
  };
}

/** The stored attachment list ([{ filename, sha256, mime }]) as nodemailer wants it; a photo gone from the store is left out. */
async function attachmentsOf(json: string | null, hooks: MailHooks): Promise<{ filename: string; content: Buffer; contentType: string }[]> {
  if (!json || !hooks.readAttachment) return [];
  const list = JSON.parse(json) as { filename: string; sha256: string; mime: string }[];
  const out: { filename: string; content: Buffer; contentType: string }[] = [];
  for (const a of list) {
    const content = await hooks.readAttachment(a.sha256);
    if (content) out.push({ filename: a.filename, content, contentType: a.mime });
  }
  return out;
}
