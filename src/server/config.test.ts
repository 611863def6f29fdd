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

  it('trusts PUBLIC_URL and TRUSTED_ORIGINS as origins', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://g.example.se/', TRUSTED_ORIGINS: 'http://localhost:5173, http://127.0.0.1:5173' }).trustedOrigins).toEqual([
      'https://g.example.se',
      'http://localhost:5173',
      'http://127.0.0.1:5173',
    ]);
    expect(() => loadConfig({ TRUSTED_ORIGINS: 'not a url' })).toThrow(/TRUSTED_ORIGINS/);
  });

  it('takes map tiles and a geocoder as URL templates, or none', () => {
    expect(loadConfig({}).mapTileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(loadConfig({ MAP_TILE_URL: 'none' }).mapTileUrl).toBeNull();
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.se/map.png' })).toThrow(/MAP_TILE_URL/);
    expect(loadConfig({}).geocoderUrl).toBeNull();
    expect(loadConfig({ GEOCODER_URL: 'https://geo.example.se/reverse?lat={lat}&lon={lng}' }).geocoderUrl).toContain('{lat}');
    expect(() => loadConfig({ GEOCODER_URL: 'ftp://geo.example.se/{lat}/{lng}' })).toThrow(/GEOCODER_URL/);
  });

  it('runs the background work with the web (on), without it (off), or alone without HTTP (only)', () => {
    const pick = (v?: string) => {
      const c = loadConfig(v ? { BACKGROUND_WORK: v } : {});
      return [c.backgroundWork, c.serveHttp];
    };
    expect([pick(), pick('on'), pick('off'), pick('only')]).toEqual([
      [true, true],
      [true, true],
      [false, true],
      [true, false],
    ]);
    expect(() => loadConfig({ BACKGROUND_WORK: 'worker' })).toThrow(/BACKGROUND_WORK/);
  });

  it('requires PUBLIC_URL when the system picks the port', () => {
    expect(() => loadConfig({ PORT: '0' })).toThrow(/PUBLIC_URL: required with PORT=0/);
    expect(loadConfig({ PORT: '0', PUBLIC_URL: 'https://grannstod.example.se' }).publicUrl).toBe('https://grannstod.example.se');
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
  });
});
