/**
 * Calendar feeds. A member makes a secret address for their own shifts or
 * for a car's; calendar apps fetch it without signing in, so the token is the
 * only key: long and random, shown only to its owner, revoked on request or
 * when the member is deactivated. Making a new one for the same calendar
 * revokes the old, which is how a leaked address is replaced.
 */
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import type { CalendarFeed } from '../../../shared/api/calendar.js';
import { translate, toLanguage } from '../../../shared/i18n/translate.js';
import { calendar, type CalendarEvent } from './ical.js';
import * as repo from './calendar.repository.js';
import { crewsOf } from '../shifts/shifts.service.js';
import { assertVehicleOf } from '../shifts/references.js';

const PAST_DAYS = 90;
const FUTURE_DAYS = 400;

const urlOf = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

export async function listFeeds(ctx: AppContext, actor: Actor): Promise<CalendarFeed[]> {
  authorize(actor, 'calendar.manage');
  const rows = await repo.activeFeeds(ctx.db, actor.associationId, actor.memberId);
  return rows.map((r) => ({ id: r.id, vehicleId: r.vehicle_id, vehicleName: r.vehicle_name, url: urlOf(ctx, r.token), createdAt: r.created_at }));
}

export async function createFeed(ctx: AppContext, actor: Actor, vehicleId: string | null): Promise<CalendarFeed> {
  authorize(actor, 'calendar.manage');
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (vehicleId) await assertVehicleOf(trx, actor.associationId, vehicleId);
    const now = nowIso();
    await repo.revokeFeedsFor(trx, actor.associationId, actor.memberId, vehicleId, now);
    const id = newId();
    await repo.insertFeed(trx, {
      id,
      association_id: actor.associationId,
      member_id: actor.memberId,
      vehicle_id: vehicleId,
      token: randomBytes(32).toString('base64url'),
      created_at: now,
      revoked_at: null,
    });
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
    const revoked = await repo.revokeFeed(trx, actor.associationId, actor.memberId, id, nowIso());
    if (!revoked) throw notFound();
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
  const feed = await repo.feedByToken(ctx.db, token);
  if (!feed || feed.status !== 'active') return undefined;
  const lang = toLanguage(feed.language);
  const now = ctx.clock.now().getTime();
  const shifts = await repo.shiftsForFeed(
    ctx.db,
    feed,
    new Date(now - PAST_DAYS * 86_400_000).toISOString(),
    new Date(now + FUTURE_DAYS * 86_400_000).toISOString(),
  );
  // The crew only, not the waiting list; crewOf keeps sign-up order.
  const crew = (
    await crewsOf(
      ctx.db,
      feed.association_id,
      shifts.map((x) => x.id),
    )
  ).filter((c) => c.place === 'crew');
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
