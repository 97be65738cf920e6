import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { GlobusAuthError } from './GlobusAuthError.js';
import { type GlobusSession, globusSessionSchema } from './GlobusSession.js';

/**
 * The signed-in Globus session: one file under the state dir, mode 0600 in a 0700 directory, written
 * atomically so that a failure never leaves half of a token set behind.
 */
export class GlobusSessionStore {
  readonly path: string;

  constructor(stateDir: string) {
    this.path = join(stateDir, 'globus', 'session.json');
  }

  async read(): Promise<GlobusSession | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new GlobusAuthError(
        `cannot read the Globus session ${this.path}: ${(error as NodeJS.ErrnoException).code}`,
      );
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = globusSessionSchema.safeParse(raw);
    if (!parsed.success) {
      throw new GlobusAuthError(
        `the Globus session ${this.path} is damaged: run 'cws-tui globus logout' and sign in again`,
      );
    }
    return parsed.data;
  }

  async write(session: GlobusSession): Promise<void> {
    const dir = join(this.path, '..');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    await writeFileAtomic(
      this.path,
      `${JSON.stringify(globusSessionSchema.parse(session), null, 2)}\n`,
      0o600,
    );
  }

  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }
}
