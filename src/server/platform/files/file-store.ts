/**
 * Where photos live: by the SHA-256 of their bytes, so the same photo is kept once
 * and a name never changes. Local disk under DATA_DIR/files by default; the
 * interface is what an S3-compatible store would implement.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FileStore {
  /** Stores bytes under their hash; returns the hash. Storing the same bytes again is a no-op. */
  put(bytes: Buffer): Promise<string>;
  /** The bytes of a hash, or null when unknown. */
  get(sha256: string): Promise<Buffer | null>;
  /** Removes the file of a hash; a hash already gone is no error. */
  delete(sha256: string): Promise<void>;
  /** Every stored hash with the time it was written, for the sweep of files nothing refers to. */
  list(): AsyncIterable<{ sha256: string; writtenAt: Date }>;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function localFileStore(root: string): FileStore {
  const pathOf = (hash: string) => join(root, hash.slice(0, 2), hash);
  return {
    async put(bytes) {
      const hash = sha256Of(bytes);
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      // Written to a temporary name first, so a crash never leaves half a file under the real one.
      const tmp = `${pathOf(hash)}.${process.pid}.${randomUUID()}.tmp`;
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
    async delete(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return;
      await rm(pathOf(hash), { force: true });
    },
    async *list() {
      let folders: string[];
      try {
        folders = await readdir(root);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw err;
      }
      for (const folder of folders.filter((f) => /^[0-9a-f]{2}$/.test(f))) {
        for (const name of await readdir(join(root, folder))) {
          if (!/^[0-9a-f]{64}$/.test(name)) continue;
          const info = await stat(join(root, folder, name)).catch(() => null);
          if (info) yield { sha256: name, writtenAt: info.mtime };
        }
      }
    },
  };
}
