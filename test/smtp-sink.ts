/** A real SMTP server on loopback (the smtp-server package) that keeps what it receives. */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * answerDelayMs: how long the server waits after a mail's data before its
 * "250 OK": the mail has reached the recipient, the sender does not know yet
 * (a slow relay). A sender that gives up or dies in between sends it again.
 */
export async function startSmtpSink(port = 0, options: { answerDelayMs?: number } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer;
  let boundPort = port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        // Stopping drops connections at once, as a server that goes down does; clients keep theirs open between mails.
        closeTimeout: 50,
        onData(stream, session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
            if (options.answerDelayMs) setTimeout(() => callback(), options.answerDelayMs);
            else callback();
          });
        },
      });
      server.once('error', reject);
      server.listen(boundPort, '127.0.0.1', () => {
        boundPort = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get port() {
      return boundPort;
    },
    get url() {
      return `smtp://127.0.0.1:${boundPort}`;
    },
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
  };
}
