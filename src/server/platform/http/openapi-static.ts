/**
 * The parts of the API that are not Fastify routes with schemas, described by
 * hand for the OpenAPI document: signing in (better-auth under /api/auth) and
 * the Open311 GeoReport v2 endpoint (docs/open311.md). Each operation carries
 * `x-served-by`, so tests that walk the app's own routes can tell them apart.
 */
const json = (schema: object) => ({ 'application/json': { schema } });
const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
const str = { type: 'string' };

function auth(summary: string, operationId: string, body: object | null, extra: object = {}) {
  return {
    post: {
      tags: ['auth'],
      summary,
      operationId,
      'x-served-by': 'better-auth',
      ...extra,
      ...(body && { requestBody: { required: true, content: json(body) } }),
      responses: {
        200: { description: 'Done; a session cookie is set or cleared where it applies', content: json({ type: 'object' }) },
        400: { description: 'Bad input', content: problem },
        401: { description: 'Wrong e-mail, password or code', content: problem },
        429: { description: 'Too many tries from this address; wait', content: problem },
      },
    },
  };
}

/** GeoReport v2's formats: the path ends in .json or .xml. */
const formatParam = { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['json', 'xml'] } };
const jurisdiction = {
  name: 'jurisdiction_id',
  in: 'query',
  required: false,
  schema: str,
  description: 'The association’s id; may be left out on an installation with one',
};
const open311Errors = {
  400: { description: 'A field missing or wrong: [{ code, description }]' },
  403: { description: 'No key, a wrong or revoked key, or a read-only key submitting' },
  404: { description: 'An unknown jurisdiction, service code, request or token' },
  413: { description: 'The body is too large' },
  429: { description: 'Too many requests; Retry-After says when' },
};
const georeport = (content: string) => ({
  description: content,
  content: { 'application/json': { schema: { type: 'array', items: { type: 'object' } } }, 'text/xml': { schema: str } },
});
function open311(summary: string, operationId: string, extra: object = {}, security: object[] = [{ open311Key: [] }]) {
  return { tags: ['open311'], summary, operationId, 'x-served-by': 'open311', security, ...extra };
}

export function staticPaths(): Record<string, unknown> {
  return {
    '/api/auth/sign-in/email': auth(
      'Sign in with e-mail and password; with two-factor on, the answer asks for a code (POST /api/auth/two-factor/verify-totp)',
      'signInEmail',
      {
        type: 'object',
        required: ['email', 'password'],
        properties: { email: { type: 'string', format: 'email' }, password: str, rememberMe: { type: 'boolean' } },
      },
      { security: [] },
    ),
    '/api/auth/two-factor/verify-totp': auth('The code from the authenticator app, after signing in', 'verifyTotp', {
      type: 'object',
      required: ['code'],
      properties: { code: { type: 'string', pattern: '^\\d{6}$' }, trustDevice: { type: 'boolean' } },
    }),
    '/api/auth/sign-out': auth('Sign out: the session ends and its cookie is cleared', 'signOut', null),
    '/api/auth/request-password-reset': auth(
      'Mail a one-time link to choose a new password (answers the same whether the address is known or not)',
      'requestPasswordReset',
      { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' }, redirectTo: str } },
      { security: [] },
    ),
    '/open311/v2/discovery.{format}': {
      get: open311(
        'Where the endpoint is and what it speaks',
        'open311Discovery',
        { parameters: [formatParam], responses: { 200: georeport('The discovery document'), ...open311Errors } },
        [],
      ),
    },
    '/open311/v2/services.{format}': {
      get: open311(
        'The association’s categories as services',
        'open311Services',
        { parameters: [formatParam, jurisdiction], responses: { 200: georeport('The services'), ...open311Errors } },
        [],
      ),
    },
    '/open311/v2/requests.{format}': {
      get: open311('Requests (observations that need fixing) of the key’s association, newest first, at most 90 days', 'open311Requests', {
        parameters: [
          formatParam,
          jurisdiction,
          { name: 'service_request_id', in: 'query', schema: str, description: 'Comma-separated ids; overrides the other filters' },
          { name: 'service_code', in: 'query', schema: str },
          { name: 'start_date', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'end_date', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'closed'] } },
        ],
        responses: { 200: georeport('The requests'), ...open311Errors },
      }),
      post: open311('Submit a request: an observation of the association, routed by its rules', 'open311Submit', {
        parameters: [formatParam],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            ['application/x-www-form-urlencoded', 'multipart/form-data'].map((type) => [
              type,
              {
                schema: {
                  type: 'object',
                  required: ['api_key', 'service_code', 'lat', 'long'],
                  properties: {
                    api_key: str,
                    jurisdiction_id: str,
                    service_code: str,
                    lat: { type: 'number' },
                    long: { type: 'number' },
                    description: { type: 'string', maxLength: 4000 },
                    address_string: str,
                    media_url: { type: 'string', format: 'uri' },
                  },
                },
              },
            ]),
          ),
        },
        responses: { 201: georeport('The new request’s id'), ...open311Errors },
      }),
    },
    '/open311/v2/requests/{id}.{format}': {
      get: open311('One request', 'open311Request', {
        parameters: [{ name: 'id', in: 'path', required: true, schema: str }, formatParam, jurisdiction],
        responses: { 200: georeport('The request'), ...open311Errors },
      }),
    },
    '/open311/v2/tokens/{token}.{format}': {
      get: open311('The request a token stands for (requests are made at once: the token is the id)', 'open311Token', {
        parameters: [{ name: 'token', in: 'path', required: true, schema: str }, formatParam, jurisdiction],
        responses: { 200: georeport('The request id'), ...open311Errors },
      }),
    },
  };
}
