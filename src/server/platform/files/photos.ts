/**
 * A photo from the phone, made safe to keep: its type is checked by content
 * (magic bytes, not the name or the header), its size is limited, and it is
 * re-encoded as JPEG, upright and at most 2048 px, which drops all metadata
 * (EXIF, GPS, camera serial numbers) because sharp writes none unless asked.
 */
import { AppError } from '../errors.js';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
const MAX_SIDE = 2048;

type Kind = 'jpeg' | 'png' | 'webp';
export function imageKind(bytes: Buffer): Kind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 12 && bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}

export interface CleanPhoto {
  bytes: Buffer;
  width: number;
  height: number;
  mime: 'image/jpeg';
}

export async function cleanPhoto(bytes: Buffer): Promise<CleanPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new AppError('payload_too_large', [{ field: 'photo', message: 'error.field.too_long' }]);
  if (!imageKind(bytes)) throw new AppError('unsupported_media_type', [{ field: 'photo', message: 'error.photo.not_an_image' }]);
  // libvips loads with the first photo, not when the server (or each test file) starts.
  const { default: sharp } = await import('sharp');
  try {
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: 60_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, mime: 'image/jpeg' };
  } catch {
    // Right magic bytes, broken inside: refused the same way.
    throw new AppError('unsupported_media_type', [{ field: 'photo', message: 'error.photo.not_an_image' }]);
  }
}
