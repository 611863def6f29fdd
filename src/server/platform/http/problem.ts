/** Maps every error to application/problem+json (RFC 9457) with a translated title and the fields at fault. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors.js';
import { isUniqueViolation } from '../db/errors.js';
import { languageFromHeader, translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { sv } from '../../../shared/i18n/sv.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** One zod issue → one or more fields at fault with a message key. */
function issueToFields(issue: ValidationIssue, context: string | undefined): FieldError[] {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const prefix = context && context !== 'body' ? `${context}.` : '';
  if (issue.keyword === 'unrecognized_keys') {
    const keys = (issue.params?.keys as string[] | undefined) ?? [];
    return keys.map((k) => ({ field: prefix + (base ? `${base}.${k}` : k), message: 'error.field.unknown' }));
  }
  // A schema's own rule (a refinement) may name its message key, e.g. "error.field.end_before_start".
  if (issue.keyword === 'custom' && issue.message && issue.message in sv) return [{ field: prefix + (base || '(body)'), message: issue.message as MessageKey }];
  const message =
    issue.keyword === 'invalid_type' && /received undefined/.test(issue.message ?? '')
      ? 'error.field.required'
      : issue.keyword === 'too_small'
        ? 'error.field.too_short'
        : issue.keyword === 'too_big'
          ? 'error.field.too_long'
          : 'error.field.invalid';
  return [{ field: prefix + (base || '(body)'), message }];
}

/** Turns a thrown error into an AppError; unknown errors become internal. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A race the services did not foresee still answers "already exists", never a 500.
  if (isUniqueViolation(error)) return new AppError('conflict');
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as { validationContext?: string }).validationContext;
    const fields = error.validation.flatMap((i) => issueToFields(i as ValidationIssue, context));
    // Only the privacy guard spoke (guardedText): the answer says so in its title, as the observation's guard does.
    const personal = fields.length > 0 && fields.every((f) => f.message.startsWith('error.privacy.'));
    return new AppError(personal ? 'personal_data' : 'validation', fields);
  }
  const e = error as FastifyError;
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid_json');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    default:
      break;
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return new AppError('invalid_json');
  if (e.statusCode === 429) return new AppError('too_many_requests');
  if (e.statusCode === 404) return new AppError('not_found');
  if (e.statusCode === 415) return new AppError('unsupported_media_type');
  if (e.statusCode === 413) return new AppError('payload_too_large');
  if (e.validation) return new AppError('validation');
  return new AppError('internal');
}

/** The language for a message: the signed-in member's, else the browser's. */
function requestLanguage(request: FastifyRequest): Language {
  return request.actorLanguage ?? languageFromHeader(request.headers['accept-language']);
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const lang = requestLanguage(request);
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send({
      type: `urn:grannstod:problem:${error.code}`,
      title: translate(lang, error.messageKey),
      status: error.status,
      code: error.code,
      instance: request.url.split('?')[0],
      errors: error.fields.map((f) => ({ field: f.field, message: translate(lang, f.message) })),
    });
}

/** Installs the one error handler (the 404 handler is set with the web app, in web.ts). */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, appError);
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    actorLanguage?: Language;
  }
}
