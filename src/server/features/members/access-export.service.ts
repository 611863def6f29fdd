/**
 * The access export (GDPR art. 15): everything the association holds about one
 * member, as a ZIP with the data as JSON (data.json), a readable HTML summary
 * in the member's language (sammanfattning.html) and the photos of their
 * observations. A member downloads their own; an admin makes one for a member
 * on request, which is audited.
 */
import { zipSync, strToU8 } from 'fflate';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { hideLinks } from '../../platform/mail/sealed-links.js';
import type { DownloadFile } from '../../platform/http/download.js';
import { translate, type Language } from '../../../shared/i18n/translate.js';
import * as repo from './members.repository.js';
import * as data from './access-export.repository.js';
import { memberHours } from '../hours/hours.service.js';
import { getAssociation } from '../associations/associations.service.js';
import { renderSummary, type ExportData } from './access-export-html.js';

/** The export of the actor's own data. */
export async function exportMine(ctx: AppContext, actor: Actor): Promise<DownloadFile> {
  return exportFor(ctx, actor, actor.memberId);
}

/** An admin's export for a member (a member's request made to the board). */
export async function exportMember(ctx: AppContext, actor: Actor, memberId: string): Promise<DownloadFile> {
  if (memberId !== actor.memberId) authorize(actor, 'member.export');
  return exportFor(ctx, actor, memberId);
}

async function exportFor(ctx: AppContext, actor: Actor, memberId: string): Promise<DownloadFile> {
  const member = await repo.findMember(ctx.db, actor.associationId, memberId);
  if (!member) throw notFound();
  const a = actor.associationId;
  const [qualifications, shifts, observations, routes, audit, mails] = await Promise.all([
    repo.qualificationsOf(ctx.db, a, memberId),
    data.shiftsOf(ctx.db, a, memberId),
    data.observationsOf(ctx.db, a, memberId),
    data.routesOf(ctx.db, a, memberId),
    data.auditAbout(ctx.db, a, memberId),
    data.mailsTo(ctx.db, a, member.email),
  ]);
  const photos = await data.photosOf(
    ctx.db,
    a,
    observations.map((o) => o.id),
  );
  const language = (member.language === 'en' ? 'en' : 'sv') as Language;
  const hidden = translate(language, 'outbox.linkHidden');
  const made: ExportData = {
    madeAt: ctx.clock.now().toISOString(),
    association: (await getAssociation(ctx, a))?.name ?? '',
    profile: {
      name: member.name,
      email: member.status === 'anonymised' ? '' : member.email,
      phone: member.phone,
      kind: member.kind,
      status: member.status,
      language: member.language,
      textSize: member.textSize,
      maxShiftsPerWeek: member.maxShiftsPerWeek,
      memberSince: member.createdAt,
      deactivatedAt: member.deactivatedAt,
    },
    roles: member.roles,
    qualifications,
    shifts: shifts.map((s) => ({
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      car: s.car,
      status: s.status,
      place: s.place,
      asDriver: s.as_driver === 1,
      asLeader: s.as_leader === 1,
      present: s.present === 1,
    })),
    hours: await memberHours(ctx, a, memberId),
    observations: observations.map((o) => ({
      id: o.public_id,
      observedAt: o.observed_at,
      category: language === 'en' ? o.category_en : o.category_sv,
      urgency: o.urgency,
      text: o.text,
      lat: Number(o.lat),
      lng: Number(o.lng),
      address: o.address,
      area: o.area,
      handedToPoliceAt: o.handed_to_police_at,
      policeReference: o.police_reference,
      call112At: o.call_112_at,
      callReference: o.call_reference,
      photos: photos.filter((p) => p.observation_id === o.id).map((p) => `photos/${p.sha256}.${p.mime === 'image/png' ? 'png' : 'jpg'}`),
    })),
    routes: routes.map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at, points: r.point_count, polyline: r.polyline })),
    audit: audit.map((e) => ({
      at: e.created_at,
      action: e.action,
      entityType: e.entity_type,
      byThisMember: e.actor_member_id === memberId,
      before: e.before_json ? (JSON.parse(e.before_json) as unknown) : null,
      after: e.after_json ? (JSON.parse(e.after_json) as unknown) : null,
    })),
    mails: mails.map((m) => ({ createdAt: m.created_at, sentAt: m.sent_at, status: m.status, subject: m.subject, text: hideLinks(m.text_body, hidden) })),
  };
  const files: Record<string, Uint8Array> = {
    'data.json': strToU8(JSON.stringify(made, null, 2)),
    'sammanfattning.html': strToU8(renderSummary(made, language)),
  };
  for (const p of photos) {
    const bytes = await ctx.files.get(p.sha256);
    if (bytes) files[`photos/${p.sha256}.${p.mime === 'image/png' ? 'png' : 'jpg'}`] = bytes;
  }
  if (memberId !== actor.memberId) {
    await recordAudit(ctx.db, { associationId: a, actorMemberId: actor.memberId, action: 'member.export', entityType: 'member', entityId: memberId });
  }
  const day = made.madeAt.slice(0, 10);
  return { filename: `registerutdrag-${day}.zip`, type: 'application/zip', body: Buffer.from(zipSync(files, { level: 6 })) };
}
