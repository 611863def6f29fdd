/**
 * GeoReport v2 documents in the spec's two formats. JSON is the value as it is;
 * XML names each list after the spec (service_requests holds request elements,
 * services holds service, and so on), with no attributes and every text escaped.
 */
export const formats = ['json', 'xml'] as const;
export type Format = (typeof formats)[number];

/** The element each list's entries get in XML, as in the spec's examples. */
const childOf: Record<string, string> = {
  service_requests: 'request',
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const child = childOf[name] ?? 'item';
    return `<${name}>${value.map((v) => element(child, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** One document: `root` is the XML root's name (a list's entries are named after it). */
export function render(format: Format, root: string, value: unknown): { type: string; body: string } {
  if (format === 'json') return { type: 'application/json; charset=utf-8', body: JSON.stringify(value) };
  return { type: 'text/xml; charset=utf-8', body: `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}` };
}

/** The spec's error document: a list of { code, description }, code being the HTTP status. */
export const errorDocument = (status: number, description: string) => [{ code: status, description }];

/** Splits "requests.xml" into its name and format; no extension means JSON. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const dot = file.lastIndexOf('.');
  if (dot < 0) return { name: file, format: 'json' };
  const ext = file.slice(dot + 1).toLowerCase();
  if (!(formats as readonly string[]).includes(ext)) return null;
  return { name: file.slice(0, dot), format: ext as Format };
}
