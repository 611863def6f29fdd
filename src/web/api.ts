/** The one way the web app talks to the server: JSON in and out, problems turned into ApiError. */
import { language } from './i18n.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly fields: FieldProblem[],
  ) {
    super(title);
  }
}

/** No answer at all: the phone has no connection (status 0). */
export const offlineError = () =>
  new ApiError(
    0,
    'offline',
    language.value === 'en' ? 'No connection. Try again when you are online.' : 'Ingen anslutning. Försök igen när du är uppkopplad.',
    [],
  );

/** A refusal as the server words it (problem+json), or the HTTP status when it sent none. */
export function problemError(res: Response, body: unknown): ApiError {
  const p = (body ?? {}) as { code?: string; title?: string; errors?: FieldProblem[] };
  return new ApiError(res.status, p.code ?? 'error', p.title ?? res.statusText, p.errors ?? []);
}

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': language.value, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw offlineError();
  }
  const text = await res.text();
  const data: unknown = text ? JSON.parse(text) : null;
  if (!res.ok) throw problemError(res, data);
  return data as T;
}

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body: unknown = {}) => api<T>('POST', url, body);
export const patch = <T>(url: string, body: unknown) => api<T>('PATCH', url, body);
export const del = <T>(url: string) => api<T>('DELETE', url);
