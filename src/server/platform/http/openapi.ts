/** The OpenAPI document and its explorer at /api/docs, generated from the routes' zod schemas. */
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: { title: 'Grannstöd API', version: '0.1.0', description: 'Patrols, observations and follow-up for neighbourhood-watch associations.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'grannstod.session_token' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // The explorer's own policy: still no inline script; inline styles, which Swagger UI needs, only on these pages.
    staticCSP:
      "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    uiConfig: { validatorUrl: null },
  });
}
