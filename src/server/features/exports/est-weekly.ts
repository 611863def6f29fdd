/**
 * The weekly EST report: every Monday from 07:00 (Stockholm), the past week's
 * observations (Monday to Sunday) go to the municipality's EST coordinator as
 * CSV and XLSX attachments, once per association and week (claimed, so several
 * servers send it once). Associations without an EST address send nothing.
 */
import type { AppContext } from '../../context.js';
import type { ScheduledTask } from '../../platform/jobs/scheduler.js';
import { claimNotice } from '../../platform/jobs/notices.repository.js';
import { enqueueMail, type MailAttachment } from '../../platform/mail/outbox.repository.js';
import { renderMail } from '../../platform/mail/templates.js';
import { addDays, localParts, mondayOf, zonedInstant } from '../../../shared/domain/time.js';
import { toLanguage } from '../../../shared/i18n/translate.js';
import { observationsTable, render } from './exports.service.js';
import { estAssociations, noticeSent } from './exports.repository.js';

const SEND_HOUR = 7;

export async function sendEstReports(ctx: AppContext, now: Date): Promise<number> {
  const local = localParts(now);
  if (local.weekday !== 1 || Number(local.time.slice(0, 2)) < SEND_HOUR) return 0;
  const from = addDays(mondayOf(local.date), -7);
  const to = addDays(from, 6);
  const period = { fromIso: zonedInstant(from, '00:00').toISOString(), toIso: zonedInstant(addDays(to, 1), '00:00').toISOString() };
  let sent = 0;
  for (const a of await estAssociations(ctx.db)) {
    // Sent already this week: no need to build the files again on every run this Monday.
    if (await noticeSent(ctx.db, `est:${a.id}:${from}`)) continue;
    const lang = toLanguage(a.default_language);
    const table = await observationsTable(ctx, a.id, lang, period);
    const files: MailAttachment[] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await render(table, { from, to, format }, 'est', lang);
      const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
      files.push({ filename: file.filename, sha256: await ctx.files.put(bytes), mime: file.type.split(';')[0]! });
    }
    const mail = renderMail(lang, 'est_weekly', {
      name: '',
      association: a.name,
      from,
      to,
      count: String(table.rows.length),
      link: `${ctx.config.publicUrl}/observations`,
    });
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimNotice(trx, a.id, `est:${a.id}:${from}`))) return false;
      await enqueueMail(trx, { ...mail, to: a.est_email, language: lang, associationId: a.id, attachments: files }, ctx.mail);
      return true;
    });
    if (claimed) sent += 1;
  }
  if (sent > 0) ctx.mail.kick();
  return sent;
}

export function estTasks(ctx: AppContext): ScheduledTask[] {
  return [{ name: 'est-weekly', run: (now) => sendEstReports(ctx, now) }];
}
