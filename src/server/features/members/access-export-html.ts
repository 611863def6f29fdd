/** The readable summary of an access export: one HTML page, in the member's language, every value escaped. */
import { escapeHtml } from '../../platform/mail/templates.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { TIME_ZONE } from '../../../shared/domain/time.js';

export interface ExportData {
  madeAt: string;
  association: string;
  profile: Record<string, string | number | null>;
  roles: string[];
  qualifications: { kind: string; achievedOn: string; expiresOn: string | null }[];
  shifts: { startsAt: string; endsAt: string; car: string; status: string; place: string; asDriver: boolean; asLeader: boolean; present: boolean }[];
  hours: number;
  observations: { observedAt: string; category: string; text: string | null; address: string | null; area: string | null; photos: string[] }[] &
    Record<string, unknown>[];
  routes: { startedAt: string; endedAt: string; points: number }[] & Record<string, unknown>[];
  audit: { at: string; action: string; byThisMember: boolean }[] & Record<string, unknown>[];
  mails: { createdAt: string; status: string; subject: string; text: string }[] & Record<string, unknown>[];
}

export function renderSummary(d: ExportData, lang: Language): string {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key as MessageKey, params);
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
      : '–';
  const e = (v: unknown) => escapeHtml(v === null || v === undefined || v === '' ? '–' : String(v));
  const table = (heads: string[], rows: unknown[][]) =>
    rows.length === 0
      ? `<p>${e(t('access.none'))}</p>`
      : `<table><thead><tr>${heads.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const cols = (...keys: string[]) => keys.map((k) => t(`access.col.${k}`));
  const section = (key: string, count: number | null, body: string) =>
    `<section><h2>${e(t(`access.section.${key}`))}${count === null ? '' : ` (${e(t('access.count', { n: count }))})`}</h2>${body}</section>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('access.summaryTitle', { name: String(d.profile.name), association: d.association }))}</title>
<style>body{font-family:sans-serif;font-size:18px;line-height:1.5;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#111}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #555;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#e8eef5}</style>
</head><body>
<h1>${e(t('access.summaryTitle', { name: String(d.profile.name), association: d.association }))}</h1>
<p>${e(t('access.madeAt', { when: when(d.madeAt) }))} ${e(t('access.jsonNote'))}</p>
${section(
  'profile',
  null,
  table(
    cols('field', 'value'),
    Object.entries(d.profile).map(([k, v]) => [k, v]),
  ),
)}
${section(
  'roles',
  d.roles.length,
  table(
    cols('what'),
    d.roles.map((r) => [t(`role.${r}`)]),
  ),
)}
${section(
  'qualifications',
  d.qualifications.length,
  table(
    cols('kind', 'achieved', 'expires'),
    d.qualifications.map((q) => [t(`qualification.${q.kind}`), q.achievedOn, q.expiresOn]),
  ),
)}
${section(
  'shifts',
  d.shifts.length,
  table(
    cols('from', 'to', 'car', 'present'),
    d.shifts.map((s) => [when(s.startsAt), when(s.endsAt), s.car, s.present ? '✓' : '']),
  ),
)}
${section('hours', null, `<p>${e(d.hours)} h</p>`)}
${section(
  'observations',
  d.observations.length,
  table(
    cols('when', 'category', 'place', 'words'),
    d.observations.map((o) => [when(o.observedAt), o.category, [o.address, o.area].filter(Boolean).join(', '), o.text]),
  ),
)}
${section(
  'routes',
  d.routes.length,
  table(
    cols('from', 'to', 'points'),
    d.routes.map((r) => [when(r.startedAt), when(r.endedAt), r.points]),
  ),
)}
${section(
  'audit',
  d.audit.length,
  table(
    cols('when', 'what'),
    d.audit.map((a) => [when(a.at), t(`audit.action.${a.action}`)]),
  ),
)}
${section(
  'mails',
  d.mails.length,
  table(
    cols('when', 'subject', 'words'),
    d.mails.map((m) => [when(m.createdAt), m.subject, m.text]),
  ),
)}
</body></html>
`;
}
