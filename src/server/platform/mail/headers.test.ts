import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { senderDomain, undeliverableSender } from './headers.js';

describe('the sender address', () => {
  it('is judged by its domain: local and reserved ones are named at start, real ones pass', () => {
    expect(senderDomain('Grannstöd <noreply@Grannstod.Huddinge.se>')).toBe('grannstod.huddinge.se');
    expect(senderDomain('noreply@example.org')).toBe('example.org');
    for (const bad of [
      'Grannstöd <noreply@grannstod.local>',
      'noreply@localhost',
      'noreply@server',
      'a@b.example',
      'a@mail.test',
      'a@x.invalid',
      'a@[127.0.0.1]',
      'a@host.lan',
    ]) {
      expect(undeliverableSender(bad), bad).not.toBeNull();
    }
    for (const good of ['Grannstöd <noreply@grannstod.huddinge.se>', 'noreply@grannstod.nu', 'x@localnews.se'])
      expect(undeliverableSender(good), good).toBeNull();
  });

  it('defaults to no-reply at the public address’s host, not a .local domain', () => {
    const env = { AUTH_SECRET: 'x'.repeat(40) };
    expect(loadConfig({ ...env, PUBLIC_URL: 'https://grannstod.huddinge.se' }).mailFrom).toBe('Grannstöd <noreply@grannstod.huddinge.se>');
    expect(loadConfig({ ...env, PUBLIC_URL: 'https://grannstod.huddinge.se', MAIL_FROM: 'Föreningen <info@forening.se>' }).mailFrom).toBe(
      'Föreningen <info@forening.se>',
    );
  });
});
