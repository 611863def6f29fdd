/** Sends queued mail over SMTP with retries; wakes on a timer and whenever a mail is queued. */
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { claimMail, dueMails, markAttemptFailed, markSent, releaseStaleClaims } from './outbox.js';

export interface MailWorker {
  /** Ask for a run soon (after a mail was queued). */
  kick(): void;
  /** Sends everything due now; resolves when done. Used by tests and at shutdown. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 8;

export function startMailWorker(db: Db, smtpUrl: string | undefined, from: string, log: FastifyBaseLogger, intervalMs = 15_000): MailWorker {
  if (!smtpUrl) {
    return { kick: () => undefined, drain: async () => undefined, stop: async () => undefined };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  let running: Promise<void> | null = null;
  let stopped = false;

  async function runOnce(): Promise<void> {
    await releaseStaleClaims(db, 5 * 60_000);
    for (;;) {
      const batch = await dueMails(db, 20);
      if (batch.length === 0 || stopped) return;
      for (const mail of batch) {
        if (!(await claimMail(db, mail.id))) continue;
        try {
          await transport.sendMail({ from, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body });
          await markSent(db, mail.id);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          log.warn({ mailId: mail.id, attempt: mail.attempts + 1 }, `mail send failed: ${message}`);
          await markAttemptFailed(db, mail.id, mail.attempts + 1, message, MAX_ATTEMPTS);
        }
      }
    }
  }

  function drain(): Promise<void> {
    running ??= runOnce()
      .catch((err: unknown) => log.error({ err }, 'mail worker run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void drain(), intervalMs);
  timer.unref();
  return {
    kick: () => void setImmediate(() => void drain()),
    drain,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
