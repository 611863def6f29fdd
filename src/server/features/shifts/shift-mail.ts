/** E-mails about shifts, each in the recipient's own language, written in the transaction of the change that causes them. */
import type { AppContext } from '../../context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { renderMail, type MailTemplate } from '../../platform/mail/templates.js';
import { TIME_ZONE } from '../../../shared/domain/time.js';
import { toLanguage, type Language } from '../../../shared/i18n/translate.js';
import type { ShiftRow } from './shifts.repository.js';
import type { Executor } from '../../platform/db/database.js';

/** "Bil 1, tisdag 1 december 09:00–13:00" in the reader's language and Swedish time. */
export function describeShift(lang: Language, shift: Pick<ShiftRow, 'starts_at' | 'ends_at'>, vehicleName: string): string {
  const locale = lang === 'en' ? 'en-GB' : 'sv-SE';
  const day = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(shift.starts_at));
  const time = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return `${vehicleName}, ${day} ${time.format(new Date(shift.starts_at))}–${time.format(new Date(shift.ends_at))}`;
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  language: string;
}

/** Active coordinators of the association, who hear about gaps and late changes. */
export async function coordinatorsOf(db: Executor, associationId: string): Promise<Recipient[]> {
  return db
    .selectFrom('members')
    .innerJoin('member_roles', 'member_roles.member_id', 'members.id')
    .select(['members.id', 'members.name', 'members.email', 'members.language'])
    .where('members.association_id', '=', associationId)
    .where('members.status', '=', 'active')
    .where('member_roles.role', '=', 'coordinator')
    .execute();
}

export async function membersByIds(db: Executor, associationId: string, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('members')
    .select(['id', 'name', 'email', 'language'])
    .where('association_id', '=', associationId)
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}

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
  const [association, vehicle] = await Promise.all([
    db.selectFrom('associations').select('name').where('id', '=', shift.association_id).executeTakeFirstOrThrow(),
    db.selectFrom('vehicles').select('name').where('id', '=', shift.vehicle_id).executeTakeFirstOrThrow(),
  ]);
  for (const r of to) {
    const lang = toLanguage(r.language);
    const mail = renderMail(lang, template, {
      name: r.name,
      association: association.name,
      shift: describeShift(lang, shift, vehicle.name),
      link: `${ctx.config.publicUrl}/shifts/${shift.id}`,
      ...extra,
    });
    await enqueueMail(db, { ...mail, to: r.email, language: lang, associationId: shift.association_id }, ctx.mail);
  }
}
