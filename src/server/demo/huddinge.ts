/** The demo association's data: Grannstöd Huddinge, its districts, partners, cars and members (all fictitious people). */
import type { PartnerKind, QualificationKind, Role } from '../../shared/domain/roles.js';

/** District centres (lat, lng); the demo draws each as a simple polygon around its centre. Approximate, for demonstration. */
export const districts: [name: string, lat: number, lng: number][] = [
  ['Huddinge centrum', 59.2366, 17.9818],
  ['Flemingsberg', 59.219, 17.947],
  ['Visättra', 59.2105, 17.968],
  ['Glömsta', 59.234, 17.925],
  ['Kästa', 59.2245, 17.9355],
  ['Sjödalen', 59.2425, 17.9745],
  ['Fullersta', 59.2475, 17.9585],
  ['Stuvsta', 59.2545, 17.9985],
  ['Snättringe', 59.2645, 17.9805],
  ['Segeltorp', 59.2735, 17.944],
  ['Vårby', 59.2625, 17.8895],
  ['Masmo', 59.2495, 17.881],
  ['Skogås', 59.2185, 18.1515],
  ['Trångsund', 59.2285, 18.1275],
  ['Länna', 59.2055, 18.1085],
  ['Vidja', 59.1955, 18.0745],
  ['Sörskogen', 59.2595, 18.0235],
];

/** A hexagon about 1.6 km across around a centre, as a GeoJSON Polygon ([lng, lat]). */
export function districtPolygon(lat: number, lng: number) {
  const ring: [number, number][] = [];
  for (let i = 0; i <= 6; i++) {
    const angle = (Math.PI / 3) * (i % 6);
    ring.push([Number((lng + 0.0145 * Math.cos(angle)).toFixed(5)), Number((lat + 0.0075 * Math.sin(angle)).toFixed(5))]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

export const partners: { name: string; kind: PartnerKind; person: string; email: string }[] = [
  { name: 'Polisen – lokalpolisområde Huddinge', kind: 'police', person: 'Kim Kommunpolis', email: 'polisen@demo.grannstod.se' },
  { name: 'Huddinge kommun – trygghetssamordnare', kind: 'municipality', person: 'Tove Trygghet', email: 'kommunen@demo.grannstod.se' },
  { name: 'Södertörns brandförsvarsförbund', kind: 'fire_service', person: 'Bror Brand', email: 'brand@demo.grannstod.se' },
];

export const cars = [
  { name: 'Bil 1', registration: 'GRN 101', odometerKm: 48_210, insuranceDueOn: '2027-03-31', serviceDueOn: '2026-12-15' },
  { name: 'Bil 2', registration: 'GRN 202', odometerKm: 31_975, insuranceDueOn: '2027-03-31', serviceDueOn: '2027-02-01' },
];

const firstNames = [
  'Anna',
  'Bengt',
  'Birgitta',
  'Christer',
  'Eva',
  'Gunnar',
  'Inger',
  'Jan',
  'Karin',
  'Lars',
  'Margareta',
  'Nils',
  'Elisabeth',
  'Per',
  'Kerstin',
  'Sven',
  'Marianne',
  'Göran',
  'Lena',
  'Ulf',
  'Agneta',
  'Bo',
  'Gunilla',
  'Leif',
  'Ingrid',
  'Rolf',
  'Ulla',
  'Kjell',
  'Maria',
  'Hans',
  'Britt',
  'Olle',
  'Siv',
  'Åke',
  'Ann-Marie',
  'Stig',
  'Barbro',
  'Thomas',
  'Monica',
  'Lennart',
];
const lastNames = [
  'Andersson',
  'Berg',
  'Carlsson',
  'Dahl',
  'Ek',
  'Forsberg',
  'Gustafsson',
  'Holm',
  'Isaksson',
  'Johansson',
  'Karlsson',
  'Lindqvist',
  'Magnusson',
  'Nilsson',
  'Olsson',
  'Persson',
  'Qvist',
  'Ringström',
  'Svensson',
  'Törnqvist',
];

export interface DemoMember {
  name: string;
  email: string;
  roles: Role[];
  phone: string;
  language: 'sv' | 'en';
  qualifications: { kind: QualificationKind; achievedOn: string }[];
}

/** 40 members: 2 admins, 3 coordinators, 8 shift leaders, 14 drivers (some leaders drive too), the rest volunteers. */
export function demoMembers(): DemoMember[] {
  const list: DemoMember[] = [];
  for (let i = 0; i < 40; i++) {
    const first = firstNames[i]!;
    const last = lastNames[(i * 7) % lastNames.length]!;
    const roles: Role[] = ['volunteer'];
    if (i < 2) roles.push('admin', 'coordinator');
    else if (i < 5) roles.push('coordinator');
    if (i >= 3 && i < 11) roles.push('shift_leader');
    if (i % 3 === 0 || (i >= 11 && i < 16)) roles.push('driver');
    const month = String((i % 12) + 1).padStart(2, '0');
    const qualifications: DemoMember['qualifications'] = [];
    if (roles.includes('driver')) qualifications.push({ kind: 'driving_licence_checked', achievedOn: `2026-${month}-0${(i % 8) + 1}` });
    if (i % 5 !== 4) qualifications.push({ kind: 'training_done', achievedOn: `2025-${month}-1${i % 9}` });
    if (i % 7 !== 6) qualifications.push({ kind: 'code_of_conduct_signed', achievedOn: `2025-${month}-2${i % 8}` });
    const slug = `${first}.${last}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z.]/g, '');
    list.push({
      name: `${first} ${last}`,
      email:
        i === 0
          ? 'admin@demo.grannstod.se'
          : i === 2
            ? 'samordnare@demo.grannstod.se'
            : i === 8
              ? 'passansvarig@demo.grannstod.se'
              : i === 12
                ? 'forare@demo.grannstod.se'
                : i === 20
                  ? 'volontar@demo.grannstod.se'
                  : `${slug}@demo.grannstod.se`,
      roles,
      phone: `070-${String(1_000_000 + i * 37_219).slice(0, 3)} ${String(10 + i).padStart(2, '0')} ${String(40 + i).padStart(2, '0')}`,
      language: i === 7 ? 'en' : 'sv',
      qualifications,
    });
  }
  return list;
}
