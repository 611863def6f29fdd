/**
 * The privacy notice (members, partners, invitees) and the records of
 * processing (the board): one document, made each time from the database and
 * the configuration, so it never says other than what the installation does.
 */
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { installationRetention, retentionRules, type RetentionKind } from '../../../shared/domain/retention.js';
import type { DataCategory, PrivacyDocument } from '../../../shared/api/privacy.js';
import { retentionPeriodsOf } from '../retention/retention.service.js';
import * as repo from './privacy.repository.js';
import { getAssociation } from '../associations/associations.service.js';

/** Which retention period governs each category; null: kept while the person is a member, or counted for the follow-up. */
const governedBy: Record<DataCategory, RetentionKind | null> = {
  members: null,
  qualifications: null,
  partners: null,
  invitations: 'invitations',
  shifts: 'shift_notes',
  routes: 'routes',
  observations: null,
  observation_texts: 'observation_texts',
  items: null,
  item_notes: 'observation_texts',
  mails: 'mail_bodies',
  audit: 'audit',
};

const host = (url: string | null) => (url ? new URL(url.replace(/\{[a-z]+\}/g, 'x')).host : null);

async function document(ctx: AppContext, associationId: string, withCounts: boolean): Promise<PrivacyDocument> {
  const facts = await getAssociation(ctx, associationId);
  if (!facts) throw notFound();
  const chosen = await retentionPeriodsOf(ctx, associationId);
  const held = withCounts ? await repo.heldCounts(ctx.db, associationId) : null;
  const countOf: Record<DataCategory, number | undefined> = {
    members: held?.members,
    qualifications: held?.qualifications,
    partners: held?.partners,
    invitations: held?.invitations,
    shifts: held?.crewSeats,
    routes: held?.routes,
    observations: held?.observations,
    observation_texts: held ? held.observationTexts + held.photos : undefined,
    items: held?.items,
    item_notes: held?.itemNotes,
    mails: held?.mails,
    audit: held?.audit,
  };
  const { recipients, partners } = await repo.recipientsOf(ctx.db, associationId);
  return {
    association: facts.name,
    municipality: facts.municipality,
    generatedAt: ctx.clock.now().toISOString(),
    categories: (Object.keys(governedBy) as DataCategory[]).map((category) => {
      const kind = governedBy[category];
      return { category, held: countOf[category] ?? null, retentionMonths: kind ? (chosen.get(kind) ?? retentionRules[kind].defaultMonths) : null };
    }),
    recipients,
    partners,
    outside: {
      smtp: Boolean(ctx.config.smtpUrl),
      mapTiles: host(ctx.config.mapTileUrl),
      geocoder: host(ctx.config.geocoderUrl),
      policeEvents: ctx.config.policeEventsUrl !== null,
      est: Boolean(facts.estEmail),
      publicPage: facts.publicPage,
    },
    measures: { https: ctx.config.publicUrl.startsWith('https://'), twoFactorRequired: facts.requireTwoFactor },
    installationRetentionDays: { endedSessions: installationRetention.endedSessionDays, policeEvents: installationRetention.policeEventDays },
  };
}

/** The privacy notice, for anyone signed in to the association. */
export function privacyNotice(ctx: AppContext, actor: Actor): Promise<PrivacyDocument> {
  return document(ctx, actor.associationId, false);
}

/** The privacy notice before signing in: linked from the invitation, so the invitee reads it before saying yes. */
export async function publicPrivacyNotice(ctx: AppContext, associationId: string): Promise<PrivacyDocument> {
  return document(ctx, associationId, false);
}

/** The records of processing (art. 30), with how many of each are held: the board's. */
export function processingRecords(ctx: AppContext, actor: Actor): Promise<PrivacyDocument> {
  authorize(actor, 'privacy.records');
  return document(ctx, actor.associationId, true);
}
