import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('config', () => {
  it('has working defaults: SQLite under ./data, port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ databaseUrl: 'sqlite:./data/grannstod.db', port: 3000, publicUrl: 'http://localhost:3000', smtpUrl: undefined });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });
});
