/**
 * What no route should have to think about: a JSON body that is not valid
 * UTF-8, and a NUL character anywhere in a body, query or path. PostgreSQL
 * refuses NUL in text (a 500, which a phone retries for ever) and SQLite keeps
 * it silently; invalid UTF-8 would be stored as U+FFFD without anyone knowing.
 * Both are answered with 400 and the field named, before validation, so the
 * route never sees them.
 */
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';

/** The path of the first string in a value for which the test holds ('' for the value itself). */
function findString(value: unknown, test: (s: string) => boolean, path: string[] = []): string[] | null {
  if (typeof value === 'string') return test(value) ? path : null;
  // A photo's bytes are checked by their own route, not walked byte by byte.
  if (Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findString(value[i], test, [...path, String(i)]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = test(key) ? [...path, key] : findString(v, test, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

const fieldError = (context: string | null, path: string[], message: MessageKey): FieldError => ({
  field: [...(context ? [context] : []), ...path].join('.') || '(body)',
  message,
});

const hasNul = (s: string) => s.includes('\u0000');
const hasReplacement = (s: string) => s.includes('\uFFFD');

export function registerInputHygiene(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    if (isUtf8(body)) return parseJson(request, body.toString('utf8'), done);
    // Read it leniently only to name the field where the broken bytes sit.
    parseJson(request, body.toString('utf8'), (err, parsed) => {
      if (err) return done(err, undefined);
      const path = findString(parsed, hasReplacement) ?? [];
      done(new AppError('validation', [fieldError(null, path, 'error.field.invalid_utf8')]), undefined);
    });
  });

  app.addHook('preValidation', async (request) => {
    for (const [context, value] of [
      ['params', request.params],
      ['querystring', request.query],
      [null, request.body],
    ] as const) {
      const nul = findString(value, hasNul);
      if (nul) throw new AppError('validation', [fieldError(context, nul, 'error.field.nul')]);
      // A percent-encoded byte that is no UTF-8 reaches a route as U+FFFD.
      const broken = context ? findString(value, hasReplacement) : null;
      if (broken) throw new AppError('validation', [fieldError(context, broken, 'error.field.invalid_utf8')]);
    }
  });
}
