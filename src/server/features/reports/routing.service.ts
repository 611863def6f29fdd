/**
 * Routing rules (category × area → recipient) and areas: admins manage them,
 * coordinators read them and try them against a point. The rules as the
 * routing function wants them are loaded here too, for the sweep and the trial.
 */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Db } from '../../platform/db/database.js';
import type { Rule, RuleCreate, RuleUpdate } from '../../../shared/api/reports.js';
import { categoryChain, prepareArea, route, sortRules, type PreparedArea, type Routing } from '../../../shared/domain/routing.js';
import type { Geometry } from '../../../shared/domain/geo.js';
import { areasOf, categoriesOf, forgetAreas } from '../observations/reference-cache.js';
import * as repo from './routing.repository.js';
import { listRecipientRows } from './recipients.repository.js';
import { createArea } from '../associations/associations.service.js';
import { rerouteUnsent } from '../observations/routing-state.service.js';

/** Everything routing needs for one association, loaded once for a batch of observations. */
export interface RoutingTable {
  rules: Rule[];
  areas: Map<string, PreparedArea>;
  parentOf: (categoryId: string) => string | null;
  activeRecipients: Set<string>;
}

export async function loadRoutingTable(db: Db, associationId: string): Promise<RoutingTable> {
  const [rules, areas, categories, recipients] = await Promise.all([
    repo.listRules(db, associationId),
    areasOf(db, associationId),
    categoriesOf(db, associationId),
    listRecipientRows(db, associationId),
  ]);
  return {
    rules: sortRules(rules.filter((r) => r.enabled)),
    areas: new Map(areas.map((a) => [a.id, prepareArea(a)])),
    parentOf: (id) => categories.get(id)?.parent_id ?? null,
    activeRecipients: new Set(recipients.filter((r) => r.active === 1).map((r) => r.id)),
  };
}

/** The recipients an observation of this category at this point goes to; inactive recipients are skipped. */
export function routeWith(table: RoutingTable, categoryId: string, lat: number, lng: number): Routing {
  const routing = route(table.rules, categoryChain(categoryId, table.parentOf), table.areas, lat, lng);
  return { ...routing, recipientIds: routing.recipientIds.filter((id) => table.activeRecipients.has(id)) };
}

export async function tryRouting(ctx: AppContext, actor: Actor, q: { categoryId: string; lat: number; lng: number }) {
  authorize(actor, 'routing.read');
  const table = await loadRoutingTable(ctx.db, actor.associationId);
  const routing = routeWith(table, q.categoryId, q.lat, q.lng);
  const names = new Map((await listRecipientRows(ctx.db, actor.associationId)).map((r) => [r.id, r.name]));
  return { recipients: routing.recipientIds.map((id) => ({ id, name: names.get(id) ?? '' })), ruleIds: routing.ruleIds };
}

export async function listRules(ctx: AppContext, actor: Actor): Promise<Rule[]> {
  authorize(actor, 'routing.read');
  return repo.listRules(ctx.db, actor.associationId);
}

async function assertOwnRefs(ctx: AppContext, actor: Actor, r: RuleUpdate): Promise<void> {
  const owned = await repo.ownsAll(ctx.db, actor.associationId, { category: r.categoryId, area: r.areaId, recipient: r.recipientId });
  const fields = [
    !owned.category && { field: 'categoryId', message: 'error.field.invalid' as const },
    !owned.area && { field: 'areaId', message: 'error.field.invalid' as const },
    !owned.recipient && { field: 'recipientId', message: 'error.field.invalid' as const },
  ].filter((f) => f !== false);
  if (fields.length > 0) throw new AppError('validation', fields);
}

export async function createRule(ctx: AppContext, actor: Actor, input: RuleCreate): Promise<Rule> {
  authorize(actor, 'routing.manage');
  await assertOwnRefs(ctx, actor, input);
  const created = await ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertRule(trx, actor.associationId, input, nowIso());
    const rule = (await repo.findRule(trx, actor.associationId, id))!;
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'routing_rule.create',
      entityType: 'routing_rule',
      entityId: id,
      after: { ...rule },
    });
    return { rule, rerouted: await rerouteUnsent(trx, actor.associationId, rerouteSince(ctx)) };
  });
  if (created.rerouted > 0) ctx.jobs.kick();
  return created.rule;
}

/** How far back a new or changed rule reaches for observations that found no recipient. */
const REROUTE_DAYS = 30;

/** What found no recipient before may find one now: observations of this many days are routed again. */
const rerouteSince = (ctx: AppContext) => new Date(ctx.clock.now().getTime() - REROUTE_DAYS * 86_400_000).toISOString();

export async function updateRule(ctx: AppContext, actor: Actor, id: string, input: RuleUpdate): Promise<Rule> {
  const before = await repo.findRule(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'routing.manage');
  await assertOwnRefs(ctx, actor, input);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await repo.updateRule(trx, actor.associationId, id, input, nowIso());
    const after = (await repo.findRule(trx, actor.associationId, id))!;
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'routing_rule.update',
      entityType: 'routing_rule',
      entityId: id,
      ...changedFields({ ...before }, { ...after }),
    });
    return { after, rerouted: await rerouteUnsent(trx, actor.associationId, rerouteSince(ctx)) };
  });
  if (updated.rerouted > 0) ctx.jobs.kick();
  return updated.after;
}

export async function deleteRule(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const before = await repo.findRule(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'routing.manage');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteRule(trx, actor.associationId, id);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'routing_rule.delete',
      entityType: 'routing_rule',
      entityId: id,
      before: { ...before },
    });
  });
}

/** Adds areas (drawn on the map, or a GeoJSON file's polygons); all or none. */
export async function addAreas(
  ctx: AppContext,
  actor: Actor,
  areas: { name: string; geometry: Geometry }[],
): Promise<{ id: string; name: string; geometry: Geometry }[]> {
  authorize(actor, 'area.manage');
  areas.forEach((a, i) => assertPolygon(a.geometry, areas.length > 1 ? `features.${i}.geometry` : 'geometry'));
  const created = await ctx.db.transaction().execute(async (trx) => {
    const out: { id: string; name: string; geometry: Geometry }[] = [];
    for (const a of areas) {
      const id = await createArea(trx, actor.associationId, { name: a.name, geometry: { type: a.geometry.type, coordinates: a.geometry.coordinates } });
      out.push({ id, ...a });
    }
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'area.create',
      entityType: 'area',
      entityId: out[0]!.id,
      after: { names: out.map((a) => a.name) },
    });
    return out;
  });
  forgetAreas(actor.associationId);
  return created;
}

/** Rings of at least four [lng, lat] positions inside the world, closed. */
function assertPolygon(g: Geometry, field: string): void {
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : (g.coordinates as unknown[])) as unknown[];
  const validPosition = (p: unknown) =>
    Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
  const validRing = (r: unknown) => {
    if (!Array.isArray(r) || r.length < 4 || !r.every(validPosition)) return false;
    const [a, b] = [r[0] as number[], r[r.length - 1] as number[]];
    return a[0] === b[0] && a[1] === b[1];
  };
  const ok = polygons.every((poly) => Array.isArray(poly) && poly.length >= 1 && poly.every(validRing));
  if (!ok) throw new AppError('validation', [{ field, message: 'error.field.polygon' }]);
}
