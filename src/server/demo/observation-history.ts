/**
 * About six months of observations for the demo, made on the demo shifts that
 * ran: one to four per shift, spread over Huddinge's districts, most routine
 * ("needs action", notes), a few tips to the police and a rare 112 call, some
 * "nothing to report". Written directly (history need not pass today's
 * checks), with the same ids and content hash a phone would have sent.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.js';
import { newId } from '../platform/db/ids.js';
import { ensureDefaultCategories, listCategories } from '../features/observations/categories.repository.js';
import { contains, type Geometry } from '../../shared/domain/geo.js';

const texts: Record<string, string[]> = {
  graffiti: ['Klotter på elskåp vid gångvägen', 'Tags på busskuren', 'Klotter på skolans gavel'],
  dumping: ['Soffa och madrasser i skogsbrynet', 'Sopsäckar vid återvinningsstationen', 'Byggavfall på parkeringen'],
  'unsafe-place': ['Två gatlampor släckta i gångtunneln', 'Buskage skymmer övergångsstället', 'Mörk passage vid garagen'],
  vandalism: ['Krossad ruta i busskuren', 'Sönderbruten parkbänk', 'Nedsparkad skylt'],
  'traffic-hazard': ['Bilar kör fort förbi skolan', 'Skymd sikt i korsningen', 'Mopeder på gångbanan'],
  'road-damage': ['Stort hål i vägbanan', 'Nedkörd stopskylt', 'Trasig trafiksignal'],
  'open-property': ['Öppen källardörr', 'Stege lämnad mot fasaden', 'Öppet fönster på bottenvåningen, ingen hemma'],
  'fire-risk': ['Brännbart skräp mot fasaden', 'Överfull container intill huset'],
  'accident-risk': ['Öppet schakt utan avspärrning', 'Trasig gunga på lekplatsen'],
  'burglary-suspect': ['Uppbrutet förråd', 'Bil som cirkulerar långsamt vid villorna'],
  'watch-sign': ['Grannsamverkansskylten nedriven'],
  disorder: ['Högljudd samling vid centrum sent på kvällen'],
  'vehicle-abandoned': ['Avställd bil utan skyltar sedan flera veckor'],
  'environment-risk': ['Oljefläck som rinner mot dagvattenbrunnen'],
};

export async function addObservationHistory(ctx: AppContext, associationId: string): Promise<number> {
  let seed = 11_272_026;
  const rnd = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  await ensureDefaultCategories(ctx.db, associationId, ctx.clock.now().toISOString());
  const categories = (await listCategories(ctx.db, associationId)).filter((c) => c.parent_id === null);
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const areas = (await ctx.db.selectFrom('areas').select(['id', 'geojson']).where('association_id', '=', associationId).execute()).map((a) => ({
    id: a.id,
    geometry: JSON.parse(a.geojson) as Geometry & { coordinates: [number, number][][] },
  }));
  const shifts = await ctx.db
    .selectFrom('shifts')
    .select(['id', 'vehicle_id', 'area_id', 'checked_in_at', 'checked_out_at', 'checked_in_by', 'nothing_to_report'])
    .where('association_id', '=', associationId)
    .where('status', '=', 'closed')
    .orderBy('starts_at')
    .execute();
  const weighted = [
    'graffiti',
    'graffiti',
    'dumping',
    'dumping',
    'unsafe-place',
    'vandalism',
    'traffic-hazard',
    'road-damage',
    'open-property',
    'fire-risk',
    'accident-risk',
    'burglary-suspect',
    'watch-sign',
    'disorder',
    'vehicle-abandoned',
    'environment-risk',
  ];
  const rows = [];
  for (const s of shifts) {
    const start = Date.parse(s.checked_in_at!);
    const end = Date.parse(s.checked_out_at!);
    const count = s.nothing_to_report === 1 ? 1 : 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < count; i++) {
      const code = s.nothing_to_report === 1 ? 'nothing-to-report' : pick(weighted);
      const area = (s.area_id && rnd() < 0.6 ? areas.find((a) => a.id === s.area_id) : undefined) ?? pick(areas);
      // A point inside the district: its centre nudged towards a corner.
      const ring = area.geometry.coordinates[0]!;
      const cx = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
      const cy = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
      const corner = pick(ring);
      const f = rnd() * 0.7;
      const lng = cx + (corner[0] - cx) * f;
      const lat = cy + (corner[1] - cy) * f;
      const r = rnd();
      const urgency = code === 'nothing-to-report' ? 'note' : r < 0.02 ? 'emergency_112' : r < 0.1 ? 'police_tip' : r < 0.75 ? 'needs_action' : 'note';
      const at = new Date(start + rnd() * (end - start)).toISOString();
      const text = code === 'nothing-to-report' ? null : pick(texts[code] ?? ['']);
      const id = newId(Date.parse(at));
      rows.push({
        id,
        association_id: associationId,
        author_member_id: s.checked_in_by!,
        shift_id: s.id,
        vehicle_id: s.vehicle_id,
        category_id: byCode.get(code)!.id,
        urgency,
        text,
        lat: Number(lat.toFixed(6)),
        lng: Number(lng.toFixed(6)),
        accuracy_m: 5 + Math.floor(rnd() * 25),
        area_id: contains(area.geometry, lat, lng) ? area.id : null,
        address: null,
        observed_at: at,
        handed_to_police_at: null,
        police_reference: null,
        call_112_at: urgency === 'emergency_112' ? at : null,
        call_reference: null,
        content_hash: createHash('sha256').update(id).digest('hex'),
        created_at: at,
        updated_at: at,
        // History from before the demo's recipients existed: not sent anywhere now.
        routed_at: at,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 200)
    await ctx.db
      .insertInto('observations')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}
