/** Structured logs (pino) that never carry secrets or personal data. */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { loggableUrl } from './http/secret-params.js';
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
      req: (req: FastifyRequest) => ({
        id: req.id,
        method: req.method,
        // Secrets in the path or query are hidden as their route declares them (http/secret-params.ts).
        url: loggableUrl(req),
      }),
    },
  };
}
