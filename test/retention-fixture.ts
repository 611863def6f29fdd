/**
 * One association's data at two ages: three years old (past every default
 * period) and a week old (within all of them), of every kind retention knows,
 * written straight into the database with their real timestamps.
 */
import sharp from 'sharp';
import type { AppContext } from '../src/server/context.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { uuidv7 } from '../src/shared/domain/ids.js';
import { vehicleCreate } from '../src/shared/api/vehicles.js';
import { observationRow, shiftRow } from './rows.js';

export interface AgedData {
  old: {
    observation: string;
    shift: string;
    segment: string;
    mail: string;
    pendingMail: string;
    job: string;
    audit: string;
    invitation: string;
    photo: string;
  };
  recent: { observation: string; shift: string; segment: string; mail: string; job: string; audit: string; invitation: string; photo: string };
  /** A photo file both an old and a recent observation carry: it must stay. */
  sharedPhoto: string;
}

const DAY = 86_400_000;

async function photo(ctx: AppContext, colour: string): Promise<string> {
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: colour } })
    .jpeg()
    .toBuffer();
  return ctx.files.put(bytes);
}

/** Writes the data; `now` is the instant the test runs retention at. */
export async function seedAgedData(ctx: AppContext, associationId: string, memberId: string, now: Date, tag = ''): Promise<AgedData> {
  const at = { old: new Date(now.getTime() - 3 * 365 * DAY).toISOString(), recent: new Date(now.getTime() - 7 * DAY).toISOString() };
  await ensureDefaultCategories(ctx.db, associationId, at.old);
  const category = (await listCategories(ctx.db, associationId)).find((c) => c.code === 'graffiti')!.id;
  const vehicle = await insertVehicle(
    ctx.db,
    associationId,
    vehicleCreate.parse({ name: `Bil ${tag}`.trim(), registration: `RET ${String(Date.now() % 1000).padStart(3, '0')}`, odometerKm: 1000 }),
    at.old,
  );
  const sharedPhoto = await photo(ctx, `#${uuidv7().slice(-6)}`);
  const made = {} as AgedData;
  for (const age of ['old', 'recent'] as const) {
    const when = at[age];
    const ends = new Date(Date.parse(when) + 4 * 3_600_000).toISOString();
    const observation = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('observations')
      .values(
        observationRow({
          id: observation,
          association_id: associationId,
          author_member_id: memberId,
          category_id: category,
          lat: 59.237,
          lng: 17.982,
          observed_at: when,
          text: `Klotter ${age} ${tag}`,
          police_reference: 'K123456-26',
          routed_at: when,
        }),
      )
      .execute();
    // A colour of this association's own, so no other association's photo shares its file.
    const own = await photo(ctx, `#${uuidv7().slice(-6)}`);
    for (const sha of [own, sharedPhoto]) {
      await ctx.db
        .insertInto('observation_photos')
        .values({
          observation_id: observation,
          sha256: sha,
          association_id: associationId,
          mime: 'image/jpeg',
          width: 8,
          height: 8,
          bytes: 100,
          created_at: when,
        })
        .execute();
    }
    const shift = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('shifts')
      .values(
        shiftRow({
          id: shift,
          association_id: associationId,
          vehicle_id: vehicle,
          starts_at: when,
          ends_at: ends,
          km: 42,
          note: 'Samling vid stationen',
          summary: 'Lugnt pass',
          briefing_note: 'Polisen: håll utkik',
          start_place: 'Garaget',
        }),
      )
      .execute();
    const segment = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('track_segments')
      .values({
        id: segment,
        association_id: associationId,
        shift_id: shift,
        member_id: memberId,
        started_at: when,
        ended_at: ends,
        point_count: 2,
        polyline: '_p~iF~ps|U_ulLnnqC',
        seconds: '[0,60]',
        content_hash: segment,
        created_at: when,
      })
      .execute();
    const mail = uuidv7(Date.parse(when));
    const mailRow = {
      association_id: associationId,
      to_address: `vera${tag}@example.se`,
      language: 'sv',
      subject: 'Påminnelse',
      text_body: 'Hej Vera!',
      html_body: '<p>Hej Vera!</p>',
      attempts: 1,
      last_error: null,
      next_attempt_at: when,
      created_at: when,
      attachments: null,
      sealed_links: null,
    };
    await ctx.db
      .insertInto('mail_outbox')
      .values({ id: mail, ...mailRow, status: 'sent', sent_at: when })
      .execute();
    const job = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('jobs')
      .values({
        id: job,
        association_id: associationId,
        kind: 'open311.submit',
        payload: '{}',
        status: 'done',
        run_at: when,
        attempts: 1,
        max_attempts: 6,
        last_error: null,
        locked_until: null,
        created_at: when,
        updated_at: when,
      })
      .execute();
    const audit = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('audit_log')
      .values({
        id: audit,
        association_id: associationId,
        actor_member_id: memberId,
        action: 'member.update',
        entity_type: 'member',
        entity_id: memberId,
        before_json: '{"phone":"070-1"}',
        after_json: null,
        created_at: when,
      })
      .execute();
    const invitation = uuidv7(Date.parse(when));
    await ctx.db
      .insertInto('invitations')
      .values({
        id: invitation,
        association_id: associationId,
        member_id: memberId,
        token_hash: invitation,
        expires_at: new Date(Date.parse(when) + 7 * DAY).toISOString(),
        accepted_at: when,
        revoked_at: null,
        created_by: memberId,
        created_at: when,
      })
      .execute();
    const entry = { observation, shift, segment, mail, job, audit, invitation, photo: own };
    if (age === 'old') {
      const pendingMail = uuidv7(Date.parse(when));
      await ctx.db
        .insertInto('mail_outbox')
        .values({ id: pendingMail, ...mailRow, status: 'pending', sent_at: null })
        .execute();
      made.old = { ...entry, pendingMail };
    } else {
      made.recent = entry;
    }
  }
  made.sharedPhoto = sharedPhoto;
  return made;
}
