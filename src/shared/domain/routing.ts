/**
 * Routing: which recipients an observation goes to, by its category and place.
 * Rules are tried in order of precedence (lower first); every matching rule adds
 * its recipient once, and a matching rule marked final stops the rules after it
 * (the housing company's own areas, say, before the municipality's general rule).
 * A rule for a category covers its subcategories; a rule without a category or
 * an area matches every category or every place.
 */
import { contains, type Geometry } from './geo.js';

export interface RoutingRule {
  id: string;
  categoryId: string | null;
  areaId: string | null;
  recipientId: string;
  precedence: number;
  final: boolean;
}

export interface RoutingArea {
  id: string;
  geometry: Geometry;
}

export interface Routing {
  recipientIds: string[];
  /** The rules that matched, in order: shown to the coordinator as the reason. */
  ruleIds: string[];
}

/** A polygon with its bounding box, so most areas are ruled out without a point-in-polygon test. */
export interface PreparedArea {
  id: string;
  geometry: Geometry;
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

export function prepareArea(a: RoutingArea): PreparedArea {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLng = Infinity;
  let maxLng = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [lng, lat] = c as [number, number];
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLng = Math.min(minLng, lng);
      maxLng = Math.max(maxLng, lng);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(a.geometry.coordinates);
  return { ...a, minLat, maxLat, minLng, maxLng };
}

export function inArea(a: PreparedArea, lat: number, lng: number): boolean {
  return lat >= a.minLat && lat <= a.maxLat && lng >= a.minLng && lng <= a.maxLng && contains(a.geometry, lat, lng);
}

/**
 * The recipients for a point and a category. `categoryChain` is the category
 * and its ancestors; `areas` holds the association's areas by id. Rules are
 * expected sorted by precedence (see sortRules).
 */
export function route(
  rules: readonly RoutingRule[],
  categoryChain: readonly string[],
  areas: ReadonlyMap<string, PreparedArea>,
  lat: number,
  lng: number,
): Routing {
  const recipientIds: string[] = [];
  const ruleIds: string[] = [];
  const insideCache = new Map<string, boolean>();
  const inside = (areaId: string): boolean => {
    let hit = insideCache.get(areaId);
    if (hit === undefined) {
      const area = areas.get(areaId);
      hit = area ? inArea(area, lat, lng) : false;
      insideCache.set(areaId, hit);
    }
    return hit;
  };
  for (const rule of rules) {
    if (rule.categoryId !== null && !categoryChain.includes(rule.categoryId)) continue;
    if (rule.areaId !== null && !inside(rule.areaId)) continue;
    ruleIds.push(rule.id);
    if (!recipientIds.includes(rule.recipientId)) recipientIds.push(rule.recipientId);
    if (rule.final) break;
  }
  return { recipientIds, ruleIds };
}

export function sortRules<T extends RoutingRule>(rules: T[]): T[] {
  return [...rules].sort((a, b) => a.precedence - b.precedence || a.id.localeCompare(b.id));
}

/** The category and its ancestors, nearest first. */
export function categoryChain(categoryId: string, parentOf: (id: string) => string | null): string[] {
  const chain: string[] = [];
  for (let c: string | null = categoryId; c !== null && !chain.includes(c); c = parentOf(c)) chain.push(c);
  return chain;
}
