/** Security headers and a Content-Security-Policy that allows no inline script. */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/** The origin map tiles come from, which may show images on the page (with {s} subdomains, every one of them). */
function tileOrigins(tileUrl: string | null): string[] {
  if (!tileUrl) return [];
  const origin = new URL(tileUrl.replace(/\{[a-z]+\}/g, 'x')).origin;
  return tileUrl.includes('{s}') ? [origin.replace('://x.', '://*.')] : [origin];
}

export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string, tileUrl: string | null = null): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tileOrigins(tileUrl)],
        fontSrc: ["'self'"],
        // The service worker fetches (and keeps) map tiles itself, and its fetches fall under connect-src.
        connectSrc: ["'self'", ...tileOrigins(tileUrl)],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind HTTPS: on plain http it would break a LAN install.
        upgradeInsecureRequests: publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: publicUrl.startsWith('https://') ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  // Answers of the API, the answer links, the calendar feeds and Open311 carry personal data: no cache, shared or
  // private, may keep them (a shared computer in a library, a proxy). A route that set its own policy keeps it.
  app.addHook('onSend', async (request, reply) => {
    if (!reply.hasHeader('cache-control') && PERSONAL_PREFIXES.some((p) => request.url.startsWith(p))) reply.header('cache-control', 'no-store');
  });
}

const PERSONAL_PREFIXES = ['/api/', '/svar/', '/calendar/', '/open311/'];
