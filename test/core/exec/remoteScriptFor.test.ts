import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '../../../source/core/exec/mapWithConcurrency.js';
import { remoteScriptFor } from '../../../source/core/exec/remoteScriptFor.js';

describe('remoteScriptFor', () => {
  it('runs root commands as they are and a research user through sudo in a login shell', () => {
    expect(remoteScriptFor('id -u', 'root')).toBe('id -u');
    expect(remoteScriptFor("echo 'it''s'", 'alice')).toBe(
      `cd /tmp && exec sudo -u alice -H -- bash -lc 'echo '\\''it'\\'''\\''s'\\'''`,
    );
  });

  it('refuses a user name that could inject into the sudo line', () => {
    expect(() => remoteScriptFor('id', 'alice;rm')).toThrow(/not a valid username/);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps at most the limit in flight and the results in order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
