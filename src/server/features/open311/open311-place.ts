/**
 * Where an Open311 request is: its lat and long, or, as the spec allows, its
 * address alone (found by the geocoder when one is configured).
 */
import type { AppContext } from '../../context.js';
import { areasOf } from '../observations/reference-cache.js';
import * as repo from './open311.repository.js';
import { Open311Error, type Query } from './open311.service.js';

/**
 * Where a request is: its lat and long, or (as the spec allows) its address
 * alone, found by the geocoder when one is configured. Not found: it is kept at
 * the middle of the association's areas for a coordinator to place on the map,
 * and routed only then.
 */
export async function placeRequest(ctx: AppContext, associationId: string, q: Query, address: string | null) {
  const given = (name: 'lat' | 'long') => q[name] !== undefined && q[name]!.trim() !== '';
  if (given('lat') || given('long') || !address) return { lat: coordinate(q, 'lat', 90), lng: coordinate(q, 'long', 180), needsPlacing: false };
  const association = (await repo.findAssociation(ctx.db, associationId))!;
  const found = await ctx.geocoder.search(`${address}, ${association.municipality}`);
  if (found) return { ...found, needsPlacing: false };
  const middle = middleOf(await areasOf(ctx.db, associationId));
  if (!middle) throw new Open311Error(400, 'lat and long are required: this association cannot place an address on its map yet');
  return { ...middle, needsPlacing: true };
}

/** The middle of the areas' bounding box: where an unplaced request waits. */
function middleOf(areas: { geometry: { type: string; coordinates: unknown } }[]): { lat: number; lng: number } | null {
  const points = areas.flatMap((a) => (a.geometry.coordinates as unknown[]).flat(a.geometry.type === 'Polygon' ? 1 : 2) as [number, number][]);
  if (points.length === 0) return null;
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
}

function coordinate(q: Query, name: 'lat' | 'long', limit: number): number {
  const v = q[name];
  if (v === undefined || v.trim() === '') throw new Open311Error(400, 'lat and long are required, or an address_string to place the request by');
  const n = Number(v);
  if (!Number.isFinite(n) || Math.abs(n) > limit) throw new Open311Error(400, `${name} is not a coordinate`);
  return n;
}
