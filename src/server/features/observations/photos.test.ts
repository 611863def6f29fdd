import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
let member: TestMember;
let observationId: string;
beforeAll(async () => {
  member = await addMember(t, a.associationId, ['volunteer']);
  const category = (await call(t, member.cookie, 'GET', '/api/observation-categories')).json()[0].id;
  observationId = newId();
  await call(t, member.cookie, 'PUT', `/api/observations/${observationId}`, {
    categoryId: category,
    urgency: 'needs_action',
    lat: 59.2,
    lng: 17.9,
    observedAt: new Date().toISOString(),
  });
});

/** A camera-like JPEG: 3000×2000, with EXIF that names the camera and the place. */
async function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Telefonbolaget', Model: 'Kamera 9', Copyright: 'Privat person' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 13/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '17/1 58/1 0/1' },
    })
    .toBuffer();
}

const upload = (cookie: string, id: string, bytes: Buffer, type = 'image/jpeg') =>
  t.app.inject({ method: 'POST', url: `/api/observations/${id}/photos`, headers: { cookie, 'content-type': type, 'accept-language': 'en' }, payload: bytes });

describe('photos', () => {
  it('re-encodes without any metadata, at most 2048 px, stored once however often it is sent', async () => {
    const original = await cameraPhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const first = await upload(member.cookie, observationId, original);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().photos).toEqual([expect.objectContaining({ width: 2048, height: 1365 })]);
    const again = await upload(member.cookie, observationId, original);
    expect(again.json().photos).toHaveLength(1);

    const res = await t.app.inject({ method: 'GET', url: first.json().photos[0].url, headers: { cookie: member.cookie } });
    expect(res.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(res.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(res.rawPayload.includes(Buffer.from('Telefonbolaget'))).toBe(false);
  });

  it('refuses a text file sent as a JPEG, and a broken image, naming the field', async () => {
    const text = await upload(member.cookie, observationId, Buffer.from('Detta är ingen bild, bara text med .jpg som namn'));
    expect(text.statusCode).toBe(415);
    expect(text.json().errors).toEqual([{ field: 'photo', message: 'Filen är ingen bild (JPEG, PNG eller WebP).' }]);
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    expect((await upload(member.cookie, observationId, broken)).statusCode).toBe(415);
    expect((await upload(member.cookie, observationId, Buffer.from('hej'), 'text/plain')).statusCode).toBe(415);
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(16 * 1024 * 1024)]);
    expect((await upload(member.cookie, observationId, huge)).statusCode).toBe(413);
    const photos = (await call(t, member.cookie, 'GET', `/api/observations/${observationId}`)).json().photos;
    expect(photos).toHaveLength(1);
  });

  it('only the author (or a coordinator) adds photos; others cannot fetch them', async () => {
    const other = await addMember(t, a.associationId, ['volunteer']);
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    expect((await upload(other.cookie, observationId, png, 'image/png')).statusCode).toBe(404);
    const added = await upload(a.admin.cookie, observationId, png, 'image/png');
    expect(added.json().photos).toHaveLength(2);
    const url = added.json().photos[1].url;
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: other.cookie } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url.replace(/[0-9a-f]{64}$/, 'a'.repeat(64)), headers: { cookie: member.cookie } })).statusCode).toBe(404);
  });
});
