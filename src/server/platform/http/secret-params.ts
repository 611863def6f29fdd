/**
 * What a URL may show in the logs. A route that takes a secret in its path or
 * query (a calendar feed, an answer link, an invitation, an Open311 key)
 * declares it once in its config, `config: { secrets: { params: ['token'] } }`,
 * and the request logger writes the URL from the route's own pattern with the
 * secret replaced. Some query keys are always secret or personal (`?q=`,
 * `?email=`), and a URL that matched no declaring route still has the segment
 * after every declared route's prefix hidden (a mistyped answer link is still
 * an answer link).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface SecretParams {
  /** Path parameters that grant access ('*' for a wildcard's whole rest). */
  params?: readonly string[];
  /** Query keys that grant access, besides those that always do. */
  query?: readonly string[];
  /** In a wildcard route: path segments whose next segment is secret (better-auth's /reset-password/{token}). */
  after?: readonly string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    secrets?: SecretParams;
  }
}

const REDACTED = '[redacted]';
/** Keys whose values are never logged on any route: tokens and keys, and what people search for. */
const ALWAYS_SECRET_QUERY = ['token', 'api_key', 'apikey', 'key', 'secret', 'code', 'password', 'q', 'search', 'email', 'phone', 'name'];

/** Prefixes of declared routes up to their first secret parameter, e.g. '/svar/' (collected as routes register). */
const secretPrefixes = new Set<string>();

/** Collects the prefixes of routes that declare secrets; call before the routes are registered. */
export function collectSecretRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const secrets = route.config?.secrets;
    if (!secrets) return;
    for (const name of secrets.params ?? []) {
      const at = route.url.indexOf(name === '*' ? '*' : `:${name}`);
      if (at > 0) secretPrefixes.add(route.url.slice(0, at));
    }
    for (const segment of secrets.after ?? []) secretPrefixes.add(`${route.url.replace(/\*$/, '')}${segment}/`);
  });
}

/** The request's URL as it may be logged. */
export function loggableUrl(
  req: Pick<FastifyRequest, 'url'> & { routeOptions?: { url?: string; config?: { secrets?: SecretParams } }; params?: unknown },
): string {
  const [rawPath = '', rawQuery] = splitOnce(req.url, '?');
  const declared = req.routeOptions?.config?.secrets;
  const pattern = req.routeOptions?.url;
  const path = declared && pattern ? pathFromPattern(pattern, (req.params ?? {}) as Record<string, string>, declared) : hidePrefixed(rawPath);
  return rawQuery === undefined ? path : `${path}?${redactQuery(rawQuery, declared?.query ?? [])}`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

/** The route's pattern with its parameters filled in, the secret ones hidden. */
function pathFromPattern(pattern: string, params: Record<string, string>, secrets: SecretParams): string {
  const filled = pattern.replace(/:(\w+)|\*$/g, (whole, name?: string) => {
    const key = name ?? '*';
    if (secrets.params?.includes(key)) return REDACTED;
    return encodeURI(String(params[key] ?? whole));
  });
  return hidePrefixed(filled, secrets.after && pattern.replace(/\*$/, ''), secrets.after);
}

/** Hides the segment after each known secret prefix (and, in a wildcard route, after the segments it names). */
function hidePrefixed(path: string, base?: string, after?: readonly string[]): string {
  const prefixes = [...secretPrefixes, ...(after ?? []).map((s) => `${base ?? ''}${s}/`)];
  for (const prefix of prefixes) {
    if (path.startsWith(prefix)) {
      const rest = path.slice(prefix.length);
      const slash = rest.indexOf('/');
      return `${prefix}${REDACTED}${slash < 0 ? '' : rest.slice(slash)}`;
    }
  }
  return path;
}

function redactQuery(query: string, declared: readonly string[]): string {
  return query
    .split('&')
    .map((pair) => {
      const [key = '', value] = splitOnce(pair, '=');
      const name = safeDecode(key).toLowerCase();
      return value !== undefined && (ALWAYS_SECRET_QUERY.includes(name) || declared.includes(name)) ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
