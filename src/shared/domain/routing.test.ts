import { describe, expect, it } from 'vitest';
import { categoryChain, prepareArea, route, sortRules, type RoutingRule } from './routing.js';

const square = (id: string, lat: number, lng: number, d: number) =>
  prepareArea({
    id,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng - d, lat - d],
          [lng + d, lat - d],
          [lng + d, lat + d],
          [lng - d, lat + d],
          [lng - d, lat - d],
        ],
      ],
    },
  });
const areas = new Map([
  ['huddinge', square('huddinge', 59.23, 17.98, 0.1)],
  ['huge-visattra', square('huge-visattra', 59.22, 17.94, 0.005)],
]);
const rule = (id: string, r: Partial<RoutingRule>): RoutingRule => ({
  id,
  categoryId: null,
  areaId: null,
  recipientId: id,
  precedence: 100,
  final: false,
  ...r,
});

describe('routing by category and place', () => {
  const rules = sortRules([
    rule('kommunen', { categoryId: 'graffiti', areaId: 'huddinge', precedence: 100 }),
    rule('huge', { categoryId: 'graffiti', areaId: 'huge-visattra', precedence: 10, final: true }),
    rule('polisen', { categoryId: 'graffiti', precedence: 200 }),
    rule('trafikverket', { categoryId: 'road-damage', precedence: 50 }),
  ]);

  it('sends graffiti in the municipality to the municipality and the police', () => {
    expect(route(rules, ['graffiti'], areas, 59.25, 18.0).recipientIds).toEqual(['kommunen', 'polisen']);
  });

  it('lets a final rule for the housing company’s own area stop the general ones', () => {
    const r = route(rules, ['graffiti'], areas, 59.2201, 17.9401);
    expect(r.recipientIds).toEqual(['huge']);
    expect(r.ruleIds).toEqual(['huge']);
  });

  it('covers subcategories by their parent’s rules, and nothing else', () => {
    expect(
      route(
        rules,
        categoryChain('graffiti-cabinet', (c) => (c === 'graffiti-cabinet' ? 'graffiti' : null)),
        areas,
        59.25,
        18.0,
      ).recipientIds,
    ).toEqual(['kommunen', 'polisen']);
    expect(route(rules, ['dumping'], areas, 59.25, 18.0).recipientIds).toEqual([]);
  });

  it('matches places outside every area only by rules for everywhere', () => {
    expect(route(rules, ['graffiti'], areas, 58.0, 16.0).recipientIds).toEqual(['polisen']);
  });

  it('names a recipient once even when several rules lead to it', () => {
    const twice = sortRules([rule('a', { recipientId: 'kommunen' }), rule('b', { recipientId: 'kommunen', precedence: 5 })]);
    expect(route(twice, ['x'], areas, 59.23, 17.98)).toEqual({ recipientIds: ['kommunen'], ruleIds: ['b', 'a'] });
  });

  it('survives a category cycle', () => {
    expect(categoryChain('a', (c) => (c === 'a' ? 'b' : 'a'))).toEqual(['a', 'b']);
  });
});
