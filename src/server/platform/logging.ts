/** Structured logs (pino) that never carry secrets or personal data. */
import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../config.js';

export function loggerOptions(config: Config, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    ...(stream && { stream }),
    level: config.logLevel,
    // Cookies, auth headers and bodies (passwords, names, phone numbers) never reach the log.
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.email', '*.phone'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.replace(/([?&]token=)[^&]+/, '$1[redacted]').replace(/(\/invitation-links\/)[^/?]+/, '$1[redacted]'),
      }),
    },
  };
}
