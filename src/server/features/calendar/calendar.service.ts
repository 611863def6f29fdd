/**
 * Calendar feeds. A member makes a secret address for their own shifts or
 * for a car's; calendar apps fetch it without signing in, so the token is the
 * only key: long and random, shown only to its owner, revoked on request or
 * when the member is deactivated. Making a new one for the same calendar
 * revokes the old, which is how a leaked address is replaced.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import type { CalendarFeed } from '../../../shared/api/calendar.js';
import { translate, toLanguage } from '../../../shared/i18n/translate.js';
import { calendar, type CalendarEvent } from './ical.js';

const PAST_DAYS = 90;
const FUTURE_DAYS = 400;

const urlOf = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

export async function listFeeds(ctx: AppContext, actor: Actor): Promise<CalendarFeed[]> {
  authorize(actor, 'calendar.manage');
  const rows = await ctx.db
    .selectFrom('calendar_feeds')
    .leftJoin('vehicles', 'vehicles.id', 'calendar_feeds.vehicle_id')
    .select(['calendar_feeds.id', 'calendar_feeds.vehicle_id', 'vehicles.name as vehicle_name', 'calendar_feeds.token', 'calendar_feeds.created_at'])
    .where('calendar_feeds.association_id', '=', actor.associationId)
    .where('calendar_feeds.member_id', '=', actor.memberId)
    .where('calendar_feeds.revoked_at', 'is', null)
    .orderBy('calendar_feeds.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, vehicleId: r.vehicle_id, vehicleName: r.vehicle_name, url: urlOf(ctx, r.token), createdAt: r.created_at }));
}

export async function createFeed(ctx: AppContext, actor: Actor, vehicleId: string | null): Promise<CalendarFeed> {
  authorize(actor, 'calendar.manage');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (vehicleId) {
      const v = await trx.selectFrom('vehicles').select('id').where('association_id', '=', actor.associationId).where('id', '=', vehicleId).executeTakeFirst();
      if (!v) throw new AppError('validation', [{ field: 'vehicleId', message: 'error.field.invalid' }]);
    }
    const now = nowIso();
    let old = trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('association_id', '=', actor.associationId)
      .where('member_id', '=', actor.memberId)
      .where('revoked_at', 'is', null);
    old = vehicleId ? old.where('vehicle_id', '=', vehicleId) : old.where('vehicle_id', 'is', null);
    await old.execute();
    const id = newId();
    await trx
      .insertInto('calendar_feeds')
      .values({
        id,
        association_id: actor.associationId,
        member_id: actor.memberId,
        vehicle_id: vehicleId,
        token: randomBytes(32).toString('base64url'),
        created_at: now,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'calendar_feed.create',
      entityType: 'calendar_feed',
      entityId: id,
      after: { vehicleId },
    });
    return id;
  });
  return (await listFeeds(ctx, actor)).find((f) => f.id === id)!;
}

export async function revokeFeed(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(actor, 'calendar.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: nowIso() })
      .where('association_id', '=', actor.associationId)
      .where('member_id', '=', actor.memberId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'calendar_feed.revoke',
      entityType: 'calendar_feed',
      entityId: id,
    });
  });
}

/** The feed for a token, or undefined when it is unknown, revoked or its member is no longer active. */
export async function renderFeed(ctx: AppContext, token: string): Promise<string | undefined> {
  const feed = await ctx.db
    .selectFrom('calendar_feeds')
    .innerJoin('members', 'members.id', 'calendar_feeds.member_id')
    .innerJoin('associations', 'associations.id', 'calendar_feeds.association_id')
    .select([
      'calendar_feeds.association_id',
      'calendar_feeds.member_id',
      'calendar_feeds.vehicle_id',
      'members.language',
      'members.status',
      'associations.name as association_name',
    ])
    .where('calendar_feeds.token', '=', token)
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!feed || feed.status !== 'active') return undefined;
  const lang = toLanguage(feed.language);
  const now = ctx.clock.now().getTime();
  let q = ctx.db
    .selectFrom('shifts')
    .innerJoin('vehicles', 'vehicles.id', 'shifts.vehicle_id')
    .leftJoin('areas', 'areas.id', 'shifts.area_id')
    .select([
      'shifts.id',
      'shifts.starts_at',
      'shifts.ends_at',
      'shifts.updated_at',
      'shifts.sequence',
      'shifts.status',
      'shifts.crew_max',
      'shifts.note',
      'shifts.cancel_reason',
      'vehicles.name as vehicle_name',
      'areas.name as area_name',
    ])
    .where('shifts.association_id', '=', feed.association_id)
    .where('shifts.starts_at', '>=', new Date(now - PAST_DAYS * 86_400_000).toISOString())
    .where('shifts.starts_at', '<', new Date(now + FUTURE_DAYS * 86_400_000).toISOString());
  if (feed.vehicle_id) q = q.where('shifts.vehicle_id', '=', feed.vehicle_id);
  else {
    const memberId = feed.member_id;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('shift_crew')
          .select('shift_crew.id')
          .whereRef('shift_crew.shift_id', '=', 'shifts.id')
          .where('shift_crew.member_id', '=', memberId)
          .where('shift_crew.place', '=', 'crew'),
      ),
    );
  }
  const shifts = await q.orderBy('shifts.starts_at').execute();
  const crew = shifts.length
    ? await ctx.db
        .selectFrom('shift_crew')
        .innerJoin('members', 'members.id', 'shift_crew.member_id')
        .select(['shift_crew.shift_id', 'members.name'])
        .where('shift_crew.association_id', '=', feed.association_id)
        .where('shift_crew.place', '=', 'crew')
        .where(
          'shift_crew.shift_id',
          'in',
          shifts.map((s) => s.id),
        )
        .orderBy('shift_crew.created_at')
        .execute()
    : [];
  const host = new URL(ctx.config.publicUrl).hostname;
  const events: CalendarEvent[] = shifts.map((s) => {
    const names = crew.filter((c) => c.shift_id === s.id).map((c) => c.name);
    const description = [
      `${translate(lang, 'calendar.crew')}: ${names.join(', ') || '–'} (${names.length}/${s.crew_max})`,
      ...(s.note ? [s.note] : []),
      ...(s.cancel_reason ? [`${translate(lang, 'calendar.cancelled')}: ${s.cancel_reason}`] : []),
    ].join('\n');
    return {
      uid: `${s.id}@${host}`,
      sequence: Number(s.sequence),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      updatedAt: s.updated_at,
      summary: `${translate(lang, 'calendar.shift')}: ${s.vehicle_name}`,
      description,
      location: s.area_name,
      url: `${ctx.config.publicUrl}/shifts/${s.id}`,
      cancelled: s.status === 'cancelled',
    };
  });
  const name = feed.vehicle_id
    ? `${feed.association_name}: ${shifts[0]?.vehicle_name ?? translate(lang, 'calendar.car')}`
    : `${feed.association_name}: ${translate(lang, 'calendar.myShifts')}`;
  return calendar(name, events);
}
