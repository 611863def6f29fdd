/**
 * Where photos live: by the SHA-256 of their bytes, so the same photo is kept once
 * and a name never changes. Local disk under DATA_DIR/files by default; the
 * interface is what an S3-compatible store would implement.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  /** Stores bytes under their hash; returns the hash. Storing the same bytes again is a no-op. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a hash, or null when unknown. */
  get(sha256: string): Promise<Buffer | null>;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function localFileStore(root: string): FileStore {
  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash);
  return {
    async put(bytes) {
      const hash = sha256Of(bytes);
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      // Written to a temporary name first, so a crash never leaves half a file under the real one.
      const tmp = `${pathOf(hash)}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, pathOf(hash));
      return hash;
    },
    async get(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      try {
        return await readFile(pathOf(hash));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
  };
}
