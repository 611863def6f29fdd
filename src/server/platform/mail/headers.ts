/**
 * The headers that make our mail trustworthy to a case system and a person:
 * it says it is sent by a machine (so auto-replies and case systems do not
 * answer it in a loop, RFC 3834), in which language, where answers go, and
 * it has a Message-ID on the sender's domain made from the outbox row, so a
 * mail sent twice after a crash is recognisably the same mail.
 */

/** The domain of a sender such as `Grannstöd <noreply@grannstod.example.se>`. */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return (address.split('@').pop() ?? '').trim().toLowerCase();
}

/** Domains that no receiving server accepts mail from (RFC 2606, RFC 6761, mDNS). */
const UNDELIVERABLE = /(^|\.)(local|localhost|localdomain|test|example|invalid|internal|lan|home\.arpa)$/;

/** Why mail from this sender will be refused or marked as spam, or null when its domain looks deliverable. */
export function undeliverableSender(from: string): string | null {
  const domain = senderDomain(from);
  if (!domain.includes('.')) return `the domain "${domain}" has no dot`;
  if (UNDELIVERABLE.test(domain)) return `"${domain}" is a reserved or local domain`;
  if (/^\[?[\d.:]+\]?$/.test(domain)) return `"${domain}" is an address, not a domain`;
  return null;
}

export interface MailHeaders {
  messageId: string;
  replyTo?: string;
  headers: Record<string, string>;
}

export function mailHeaders(mail: { id: string; language: string }, from: string, replyTo: string | null): MailHeaders {
  return {
    messageId: `<${mail.id}@${senderDomain(from) || 'localhost'}>`,
    ...(replyTo ? { replyTo } : {}),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.language },
  };
}
