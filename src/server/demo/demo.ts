/** Fills a fresh database with the demo association, Grannstöd Huddinge, and six months of shift and observation history. */
import type { AppContext } from '../context.js';
import { AppError } from '../platform/errors.js';
import { nowIso } from '../platform/db/ids.js';
import { insertArea, insertPartnerOrganisation } from '../features/associations/associations.repository.js';
import { insertVehicle } from '../features/vehicles/vehicles.repository.js';
import { needsSetup } from '../features/associations/associations.service.js';
import { seedAssociation, seedMember } from './seed.js';
import { addShiftHistory } from './shift-history.js';
import { addObservationHistory } from './observation-history.js';
import { addDemoRecipients } from './recipients.js';
import { addItemHistory } from './item-history.js';
import type { Actor } from '../platform/policies.js';
import type { PartnerKind } from '../../shared/domain/roles.js';
import { cars, demoMembers, districtPolygon, districts, partners } from './huddinge.js';

export const DEMO_PASSWORD = 'grannstod-demo-2026';

export interface DemoSignIn {
  role: string;
  name: string;
  email: string;
}

export async function fillDemo(ctx: AppContext): Promise<DemoSignIn[]> {
  if (!(await needsSetup(ctx))) throw new AppError('setup_done');
  const associationId = await seedAssociation(ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  const now = nowIso();
  for (const [name, lat, lng] of districts) await insertArea(ctx.db, associationId, { name, geometry: districtPolygon(lat, lng), now });
  for (const car of cars) await insertVehicle(ctx.db, associationId, car, now);

  const signIns: DemoSignIn[] = [];
  const members = demoMembers();
  const memberIds: string[] = [];
  for (const m of members) memberIds.push(await seedMember(ctx, associationId, { ...m, password: DEMO_PASSWORD }));
  const admin: Actor = {
    userId: '',
    memberId: memberIds[0]!,
    name: members[0]!.name,
    associationId,
    kind: 'volunteer',
    roles: members[0]!.roles,
    partnerOrganisationId: null,
    language: 'sv',
    twoFactorEnabled: false,
  };
  await addShiftHistory(ctx, associationId, admin);
  await addObservationHistory(ctx, associationId);
  const partnerIds: Partial<Record<PartnerKind, string>> = {};
  for (const p of partners) {
    const orgId = await insertPartnerOrganisation(ctx.db, associationId, { name: p.name, kind: p.kind, now });
    partnerIds[p.kind] = orgId;
    await seedMember(ctx, associationId, { name: p.person, email: p.email, password: DEMO_PASSWORD, roles: [], kind: 'partner', partnerOrganisationId: orgId });
    signIns.push({ role: `partner (${p.kind})`, name: p.person, email: p.email });
  }
  await addDemoRecipients(ctx, associationId, partnerIds);
  await addItemHistory(ctx, associationId);
  const shown: [string, string][] = [
    ['admin', 'admin@demo.grannstod.se'],
    ['coordinator', 'samordnare@demo.grannstod.se'],
    ['shift leader', 'passansvarig@demo.grannstod.se'],
    ['driver', 'forare@demo.grannstod.se'],
    ['volunteer', 'volontar@demo.grannstod.se'],
  ];
  for (const [role, email] of shown.reverse()) {
    const m = members.find((x) => x.email === email)!;
    signIns.unshift({ role, name: m.name, email });
  }
  return signIns;
}
