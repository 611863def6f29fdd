/**
 * The durable job written with a photo that arrives after its observation was
 * routed: the recipients who already have the observation get the photo too
 * (reports/photo-follow.ts does it).
 */
export const PHOTO_ARRIVED = 'photo.arrived';
