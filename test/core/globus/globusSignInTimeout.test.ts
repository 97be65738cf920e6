import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GlobusAuthError } from '../../../source/core/globus/GlobusAuthError.js';
import { GLOBUS_SIGN_IN_TIMEOUT_MS } from '../../../source/core/globus/GlobusFlow.js';
import { GlobusSessionStore } from '../../../source/core/globus/GlobusSessionStore.js';
import { pasteBackChannel } from '../../../source/core/globus/pasteBackChannel.js';
import type { GlobusAuthPort } from '../../../source/core/globus/ports.js';
import { signInWithGlobus } from '../../../source/core/globus/signInWithGlobus.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A Globus that starts a sign-in and would finish one; the test is about the wait in between. */
function fakeGlobus(): GlobusAuthPort & { finished: number } {
  const port = {
    finished: 0,
    pasteRedirectUri: 'https://auth.globus.org/v2/web/auth-code',
    authUrl: 'https://auth.globus.org',
    startSignIn: async (redirectUri: string, now: Date) => ({
      url: 'https://auth.globus.org/v2/oauth2/authorize?state=s1',
      flow: {
        state: 's1',
        nonce: 'n1',
        code_verifier: 'v'.repeat(43),
        redirect_uri: redirectUri,
        started_at: now.toISOString(),
      },
    }),
    finishSignIn: async () => {
      port.finished++;
      throw new Error('not reached in these tests');
    },
    refresh: async () => {
      throw new Error('not used');
    },
    revoke: async () => {},
  };
  return port as unknown as GlobusAuthPort & { finished: number };
}

describe('the Globus paste-back sign-in timeout', () => {
  it('gives up after five minutes with no code pasted, naming it, and stores nothing', async () => {
    vi.useFakeTimers();
    const stateDir = mkdtempSync(join(tmpdir(), 'cws-globus-timeout-'));
    const store = new GlobusSessionStore(stateDir);
    const globus = fakeGlobus();
    let shown = 0;
    const channel = pasteBackChannel({
      redirectUri: globus.pasteRedirectUri,
      show: () => shown++,
      // The person never pastes anything.
      readCode: () => new Promise<string>(() => {}),
    });
    const outcome = signInWithGlobus(globus, store, channel).then(
      () => 'signed in',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(GLOBUS_SIGN_IN_TIMEOUT_MS - 1);
    expect(shown).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(GlobusAuthError);
    expect((error as Error).message).toBe(
      'no code was pasted within 5 minutes: the sign-in was given up, run it again',
    );
    expect(globus.finished).toBe(0);
    expect(await store.read()).toBeUndefined();
    // Nothing is left waiting: the timer went with the flow.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears its timer when the code comes in time', async () => {
    vi.useFakeTimers();
    const globus = fakeGlobus();
    let paste: (code: string) => void = () => {};
    const channel = pasteBackChannel({
      redirectUri: globus.pasteRedirectUri,
      show: () => {},
      readCode: () => new Promise<string>((resolve) => (paste = resolve)),
    });
    const start = await globus.startSignIn(channel.redirectUri, new Date());
    const reply = channel.waitForReply(start);
    await vi.advanceTimersByTimeAsync(GLOBUS_SIGN_IN_TIMEOUT_MS - 1_000);
    paste('  the-code\n');
    expect(await reply).toEqual({ code: 'the-code', state: 's1' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
