/** E-mails about shifts, each in the recipient's own language, written in the transaction of the change that causes them. */
import type { AppContext } from '../../context.js';
import { enqueueMail } from '../../platform/mail/outbox.repository.js';
import { renderMail, type MailTemplate } from '../../platform/mail/templates.js';
import { TIME_ZONE } from '../../../shared/domain/time.js';
import { toLanguage, type Language } from '../../../shared/i18n/translate.js';
import type { ShiftRow } from './shifts.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { associationSettings, vehicleOf, type Recipient } from './neighbours.repository.js';

/** "Bil 1, tisdag 1 december 09:00–13:00" in the reader's language and Swedish time. */
export function describeShift(lang: Language, shift: Pick<ShiftRow, 'starts_at' | 'ends_at'>, vehicleName: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'sv-SE';
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(shift.starts_at));
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return `${vehicleName}, ${day} ${time.format(new Date(shift.starts_at))}–${time.format(new Date(shift.ends_at))}`;
}

// Who hears about a shift: read by this feature's repository, offered to staffing through this module.
export { coordinatorsOf, membersByIds, type Recipient } from './neighbours.repository.js';

/** Queues one mail per recipient about a shift; extra params fill the template's placeholders. */
export async function mailAboutShift(
  ctx: AppContext,
  db: Executor,
  to: Recipient[],
  template: MailTemplate,
  shift: Pick<ShiftRow, 'id' | 'association_id' | 'starts_at' | 'ends_at' | 'vehicle_id'>,
  extra: Record<string, string> = {},
): Promise<void> {
  if (to.length === 0) return;
  const [association, vehicle] = await Promise.all([associationSettings(db, shift.association_id), vehicleOf(db, shift.association_id, shift.vehicle_id)]);
  for (const r of to) {
    const lang = toLanguage(r.language);
    const mail = renderMail(lang, template, {
      name: r.name,
      association: association.name,
      shift: describeShift(lang, shift, vehicle?.name ?? ''),
      link: `${ctx.config.publicUrl}/shifts/${shift.id}`,
      ...extra,
    });
    await enqueueMail(db, { ...mail, to: r.email, language: lang, associationId: shift.association_id }, ctx.mail);
  }
}
