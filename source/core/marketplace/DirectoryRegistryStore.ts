import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { RegistryStore } from './ports.js';

/**
 * A registry in a plain directory (a shared drive, a Git checkout): for air-gapped labs and tests.
 * Keys map to files below the root; a key that would leave the root is refused.
 */
export class DirectoryRegistryStore implements RegistryStore {
  private readonly root: string;

  constructor(readonly location: string) {
    this.root = resolve(location);
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (path !== this.root && !path.startsWith(`${this.root}${sep}`)) {
      throw new Error(`the key '${key}' leaves the registry directory`);
    }
    return path;
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return undefined;
      throw error;
    }
  }

  async put(key: string, bytes: Uint8Array, options: { ifAbsent?: boolean } = {}): Promise<boolean> {
    const path = this.pathOf(key);
    if (!options.ifAbsent) {
      await writeFileAtomic(path, bytes);
      return true;
    }
    await mkdir(dirname(path), { recursive: true });
    // `wx` creates the file only if it is absent: the same guarantee S3's If-None-Match gives.
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  }

  async list(prefix: string): Promise<string[]> {
    const start = this.pathOf(prefix.endsWith('/') ? prefix.slice(0, -1) : dirname(prefix));
    const keys: string[] = [];
    const walk = async (directory: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await readdir(directory, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) await walk(path);
        else if (entry.isFile()) {
          const key = relative(this.root, path).split(sep).join('/');
          if (key.startsWith(prefix)) keys.push(key);
        }
      }
    };
    await walk(start);
    return keys.sort();
  }
}
