/**
 * The OpenAPI document, generated from the routes' zod schemas and completed
 * here so others can build on it: every operation has an operationId, its
 * problem+json error responses, the content types of what it downloads and
 * the security it really needs (public routes need none). Sign-in (served by
 * better-auth) and the Open311 GeoReport v2 endpoint are described by hand in
 * openapi-static.ts. A test checks the document against the OpenAPI schema and
 * against the server's real answers.
 */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { staticPaths } from './openapi-static.js';

/** What a route may say of itself for the document (its `config`). */
export interface OpenApiConfig {
  /** Open without a session (the secret in the address, or nothing at all). */
  public?: boolean;
  /** A file download: its media types, instead of JSON. */
  produces?: string[];
}

const problem = { $ref: '#/components/schemas/Problem' };
const errorResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: problem } } });

/** getObservationsIdPhotos for GET /api/observations/{id}/photos: unique by construction, stable across releases. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split(/[/\-_.]/)
    .filter(Boolean)
    .map((w) => w.replace(/^[:{](\w+)}?$/, 'by-$1'))
    .flatMap((w) => w.split('-'));
  return method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

type Schema = Record<string, unknown> & { response?: Record<string, unknown>; params?: unknown; querystring?: unknown; body?: unknown };

function documented(schema: Schema, method: string, url: string, config: OpenApiConfig): Schema {
  const write = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method);
  const response: Record<string, unknown> = { ...(schema.response ?? {}) };
  if (config.produces) {
    response[200] = {
      description: 'The file',
      content: Object.fromEntries(config.produces.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
    };
  }
  const errors: Record<string, string> = {
    ...(Boolean(schema.params ?? schema.querystring ?? schema.body) && { 400: 'Bad input: the fields at fault, with translated messages' }),
    ...(!config.public && { 401: 'No session', 403: 'The role or the association does not allow it' }),
    ...(schema.params !== undefined && { 404: 'Not found (or not this association’s)' }),
    ...(write && { 409: 'In conflict with what is stored' }),
    ...(write && schema.body !== undefined && { 422: 'Refused by a rule (the privacy guard, a closed window)' }),
    429: 'Too many requests; Retry-After says when to try again',
    500: 'The server failed; nothing was changed',
  };
  for (const [status, description] of Object.entries(errors)) response[status] ??= errorResponse(description);
  return {
    ...schema,
    operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, url),
    ...(config.public && { security: [] }),
    response,
  };
}

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Grannstöd API', version: '0.1.0', description: 'Patrols, observations and follow-up for neighbourhood-watch associations.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'grannstod.session_token', description: 'Set by POST /api/auth/sign-in/email' },
          open311Key: { type: 'apiKey', in: 'query', name: 'api_key', description: 'A key an admin issued (POST /api/open311-keys)' },
        },
        schemas: {
          Problem: {
            type: 'object',
            description: 'RFC 9457 problem details, the title in the member’s language',
            required: ['type', 'title', 'status', 'code'],
            properties: {
              type: { type: 'string' },
              title: { type: 'string' },
              status: { type: 'integer' },
              code: { type: 'string' },
              errors: {
                type: 'array',
                items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
              },
            },
          },
        },
      },
      security: [{ session: [] }],
      paths: staticPaths() as never,
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input as never) as { schema: Schema; url: string };
      if (!out.schema || out.schema.hide) return out;
      const method = [input.route.method].flat()[0]!.toString();
      return { ...out, schema: documented(out.schema, method, out.url, (input.route.config ?? {}) as OpenApiConfig) };
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The explorer's own policy: still no inline script; inline styles, which Swagger UI needs, only on these pages.
    staticCSP:
      "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    uiConfig: { validatorUrl: null },
  });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** See OpenApiConfig. */
    public?: boolean;
    produces?: string[];
  }
}
