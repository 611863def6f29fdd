/**
 * Huddinge's recipients and routing rules for the demo, after DOMAIN.md's
 * default recipients: the police by their e-service (a manual task), the
 * municipality's fault reports by e-mail, the fire service, Trafikverket for
 * state roads, Huge for its housing and Vattenfall for electrical cabinets.
 * Addresses are on example domains: the demo never mails a real authority.
 */
import type { AppContext } from '../context.js';
import { nowIso } from '../platform/db/ids.js';
import { insertRecipient } from '../features/reports/recipients.repository.js';
import { insertRule } from '../features/reports/routing.repository.js';
import { ensureDefaultCategories } from '../features/observations/categories.repository.js';
import type { RecipientCreate } from '../../shared/api/reports.js';
import type { PartnerKind } from '../../shared/domain/roles.js';

const base = {
  language: 'sv' as const,
  delivery: 'each' as const,
  email: null,
  open311Url: null,
  open311ApiKey: null,
  open311Jurisdiction: null,
  open311ServiceCodes: {},
  manualInstructions: null,
  contacts: [],
  partnerOrganisationId: null,
};

const recipients: Record<string, RecipientCreate> = {
  polisen: {
    ...base,
    name: 'Polisen (tips, 114 14)',
    kind: 'police',
    responseDays: 14,
    channel: 'manual',
    manualInstructions: 'Ring 114 14 eller lämna tips i polisens e-tjänst; för in diarienumret.',
  },
  kommunen: {
    ...base,
    name: 'Huddinge kommun – felanmälan',
    kind: 'municipality',
    responseDays: 5,
    channel: 'email',
    email: 'felanmalan@huddinge.example',
    delivery: 'daily',
  },
  brand: { ...base, name: 'Södertörns brandförsvarsförbund', kind: 'fire', responseDays: 7, channel: 'email', email: 'forebyggande@sbff.example' },
  trafikverket: { ...base, name: 'Trafikverket', kind: 'road', responseDays: 14, channel: 'email', email: 'trafikverket@trafikverket.example' },
  huge: { ...base, name: 'Huge Fastigheter', kind: 'housing', responseDays: 5, channel: 'email', email: 'felanmalan@huge.example' },
  vattenfall: {
    ...base,
    name: 'Vattenfall Eldistribution',
    kind: 'utility',
    responseDays: 10,
    channel: 'email',
    email: 'klotter@vattenfall.example',
    language: 'en',
  },
};

/** Category code → the recipients that category goes to anywhere in Huddinge. */
const routes: Record<string, string[]> = {
  'burglary-suspect': ['polisen'],
  'drugs-suspect': ['polisen'],
  'vehicle-stolen-found': ['polisen'],
  'vehicle-abandoned': ['kommunen'],
  vandalism: ['kommunen', 'polisen'],
  graffiti: ['kommunen', 'vattenfall'],
  dumping: ['kommunen'],
  'unsafe-place': ['kommunen'],
  disorder: ['polisen'],
  'traffic-hazard': ['kommunen'],
  'road-damage': ['kommunen'],
  'fire-risk': ['brand'],
  'accident-risk': ['kommunen'],
  'environment-risk': ['kommunen'],
};

/** The recipients that are a partner organisation's: its partner accounts follow the items sent to them. */
const partnerOf: Record<string, PartnerKind> = { polisen: 'police', kommunen: 'municipality', brand: 'fire_service' };

export async function addDemoRecipients(ctx: AppContext, associationId: string, partnerIds: Partial<Record<PartnerKind, string>>): Promise<void> {
  const now = nowIso();
  const ids: Record<string, string> = {};
  for (const [key, r] of Object.entries(recipients)) {
    const kind = partnerOf[key];
    ids[key] = await insertRecipient(ctx.db, associationId, { ...r, partnerOrganisationId: (kind && partnerIds[kind]) ?? null }, now);
  }
  await ensureDefaultCategories(ctx.db, associationId, now);
  const categories = await ctx.db.selectFrom('observation_categories').select(['id', 'code']).where('association_id', '=', associationId).execute();
  for (const c of categories) {
    for (const key of routes[c.code] ?? []) {
      await insertRule(ctx.db, associationId, { categoryId: c.id, areaId: null, recipientId: ids[key]!, precedence: 100, final: false }, now);
    }
  }
}
