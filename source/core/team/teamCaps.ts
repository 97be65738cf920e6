import type { TeamStore } from './TeamStore.js';
import { LAB_SCOPE, teamKeys, userScope } from './teamItemKeys.js';

/** The store's scope of a cap as typed: `lab`, `per-user` (every user) or `user:<name>`. */
export function capScope(text: string): string | undefined {
  if (text === 'lab') return LAB_SCOPE;
  if (text === 'per-user') return 'USER';
  const match = /^user:([A-Za-z0-9._-]{1,64})$/.exec(text);
  return match?.[1] ? userScope(match[1]) : undefined;
}

/** How a cap's scope reads in messages and `team status`. */
export function describeCapScope(scope: string): string {
  if (scope === LAB_SCOPE) return 'the lab';
  if (scope === 'USER') return 'every user';
  return scope.replace(/^USER#/, 'user ');
}

/** Sets a running cap in the store; `undefined` removes it. */
export async function setTeamCap(
  store: TeamStore,
  scope: string,
  maxRunning: number | undefined,
  by: string,
): Promise<void> {
  if (maxRunning === undefined) {
    await store.delete(teamKeys.cap(scope));
    return;
  }
  await store.put({
    ...teamKeys.cap(scope),
    scope,
    max_running: maxRunning,
    set_by: by,
    set_at: new Date().toISOString(),
  });
}

export async function listTeamCaps(store: TeamStore): Promise<Array<{ scope: string; max_running: number }>> {
  return (await store.query('CAP')).flatMap((item) =>
    typeof item.max_running === 'number' ? [{ scope: item.sk, max_running: item.max_running }] : [],
  );
}

/** The caps that hold for a launch of `username`: where each comes from, for the refusal's words. */
export interface RunningCaps {
  user?: { limit: number; rule: string };
  lab?: { limit: number; rule: string };
}

/**
 * The running caps of a user's launch: the tightest of the policy's max_running_per_user, the
 * store's cap for this user (else its cap for every user); and the lab's cap. Read from the store
 * each launch, so an admin's change holds at once on every machine.
 */
export async function runningCapsFor(
  store: TeamStore,
  username: string,
  policyCap: number | undefined,
): Promise<RunningCaps> {
  const [own, every, lab] = await Promise.all([
    store.get(teamKeys.cap(userScope(username))),
    store.get(teamKeys.cap('USER')),
    store.get(teamKeys.cap(LAB_SCOPE)),
  ]);
  const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const stored = number(own?.max_running) ?? number(every?.max_running);
  const storedRule = own?.max_running !== undefined ? `team cap user:${username}` : 'team cap per-user';
  const candidates = [
    ...(policyCap !== undefined ? [{ limit: policyCap, rule: 'max_running_per_user' }] : []),
    ...(stored !== undefined ? [{ limit: stored, rule: storedRule }] : []),
  ].sort((a, b) => a.limit - b.limit);
  const labCap = number(lab?.max_running);
  return {
    ...(candidates[0] ? { user: candidates[0] } : {}),
    ...(labCap !== undefined ? { lab: { limit: labCap, rule: 'team cap lab' } } : {}),
  };
}
