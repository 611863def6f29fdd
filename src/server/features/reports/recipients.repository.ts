/** All SQL about recipients. Every query is scoped by association. */
import type { Selectable } from 'kysely';
import type { RecipientTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import type { Recipient, RecipientCreate, RecipientUpdate } from '../../../shared/api/reports.js';
import type { Executor } from '../../platform/db/database.js';

export type RecipientRow = Selectable<RecipientTable>;

export function toRecipient(r: RecipientRow): Recipient {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as Recipient['kind'],
    language: r.language as Recipient['language'],
    responseDays: r.response_days,
    channel: r.channel as Recipient['channel'],
    email: r.email,
    delivery: r.delivery as Recipient['delivery'],
    open311Url: r.open311_url,
    open311ApiKey: r.open311_api_key !== null,
    open311Jurisdiction: r.open311_jurisdiction,
    open311ServiceCodes: JSON.parse(r.open311_service_codes) as Record<string, string>,
    manualInstructions: r.manual_instructions,
    contacts: JSON.parse(r.contacts) as Recipient['contacts'],
    partnerOrganisationId: r.partner_organisation_id,
    active: r.active === 1,
  };
}

export function listRecipientRows(db: Executor, associationId: string): Promise<RecipientRow[]> {
  return db.selectFrom('recipients').selectAll().where('association_id', '=', associationId).orderBy('name').execute();
}

export function findRecipientRow(db: Executor, associationId: string, id: string): Promise<RecipientRow | undefined> {
  return db.selectFrom('recipients').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
}

const columns = (r: Partial<RecipientCreate>) => ({
  ...(r.name !== undefined && { name: r.name }),
  ...(r.kind !== undefined && { kind: r.kind }),
  ...(r.language !== undefined && { language: r.language }),
  ...(r.responseDays !== undefined && { response_days: r.responseDays }),
  ...(r.channel !== undefined && { channel: r.channel }),
  ...(r.email !== undefined && { email: r.email }),
  ...(r.delivery !== undefined && { delivery: r.delivery }),
  ...(r.open311Url !== undefined && { open311_url: r.open311Url }),
  ...(r.open311ApiKey !== undefined && { open311_api_key: r.open311ApiKey }),
  ...(r.open311Jurisdiction !== undefined && { open311_jurisdiction: r.open311Jurisdiction }),
  ...(r.open311ServiceCodes !== undefined && { open311_service_codes: JSON.stringify(r.open311ServiceCodes) }),
  ...(r.manualInstructions !== undefined && { manual_instructions: r.manualInstructions }),
  ...(r.contacts !== undefined && { contacts: JSON.stringify(r.contacts) }),
  ...(r.partnerOrganisationId !== undefined && { partner_organisation_id: r.partnerOrganisationId }),
});

export async function insertRecipient(db: Executor, associationId: string, r: RecipientCreate, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('recipients')
    .values({
      id,
      association_id: associationId,
      name: r.name,
      kind: r.kind,
      language: r.language,
      response_days: r.responseDays,
      channel: r.channel,
      email: r.email,
      delivery: r.delivery,
      open311_url: r.open311Url,
      open311_api_key: r.open311ApiKey,
      open311_jurisdiction: r.open311Jurisdiction,
      open311_service_codes: JSON.stringify(r.open311ServiceCodes),
      manual_instructions: r.manualInstructions,
      contacts: JSON.stringify(r.contacts),
      partner_organisation_id: r.partnerOrganisationId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateRecipient(db: Executor, associationId: string, id: string, r: RecipientUpdate, now: string): Promise<void> {
  await db
    .updateTable('recipients')
    .set({ ...columns(r), ...(r.active !== undefined && { active: r.active ? 1 : 0 }), updated_at: now })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}

export async function partnerOrganisationExists(db: Executor, associationId: string, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('partner_organisations').select('id').where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}
