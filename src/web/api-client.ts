/**
 * The typed way to call the server: paths, parameters, bodies and answers come from the server's
 * own OpenAPI document (generated/api-schema.d.ts, kept current by `npm run api:check`), so a call
 * that no longer matches a route fails the type check instead of a user. Refusals become ApiError
 * as with api.ts.
 */
import createClient from 'openapi-fetch';
import type { paths } from './generated/api-schema.js';
import { offlineError, problemError } from './api.js';
import { language } from './i18n.js';

export const client = createClient<paths>({ credentials: 'same-origin' });
client.use({
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    request.headers.set('accept-language', language.value);
    return request;
  },
});

/** The answer's data; a refusal throws its ApiError, no connection an ApiError with status 0. */
export async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: Awaited<typeof call>;
  try {
    r = await call;
  } catch {
    throw offlineError();
  }
  if (!r.response.ok) throw problemError(r.response, r.error);
  return r.data as T;
}
