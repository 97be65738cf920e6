import { describe, expect, it } from 'vitest';
import { noProfileRefusal } from '../../../source/core/identity/noProfileRefusal.js';
import type { RootTrust } from '../../../source/core/identity/RootTrust.js';

const trust = (overrides: Partial<RootTrust> = {}): RootTrust => ({
  system_roots: [],
  pinned: [],
  accepted_profiles: [],
  personal_profiles: 'allow',
  source: '/etc/cws-tui/config.yaml',
  ...overrides,
});

describe('noProfileRefusal', () => {
  it('lets an installation that never accepted an invitation work in its own account', () => {
    expect(noProfileRefusal(trust())).toBeUndefined();
  });

  it('refuses once an invitation was accepted here, naming the profiles and how to choose one', () => {
    expect(noProfileRefusal(trust({ accepted_profiles: ['lab', 'lab', 'course'] }))).toBe(
      "launches are refused: this installation accepted an invitation (profile 'lab', 'course') and no profile is chosen; choose it with cws-tui profiles use lab (or --profile lab), or accept the invitation again if the profile was removed",
    );
  });

  it('refuses when the machine allows only invited profiles, or its trust cannot be read', () => {
    expect(noProfileRefusal(trust({ personal_profiles: 'deny' }))).toBe(
      'launches are refused: /etc/cws-tui/config.yaml allows only invited profiles on this machine',
    );
    expect(noProfileRefusal(trust({ unknown: 'the pin file was damaged' }))).toBe(
      'launches are refused: what this installation trusts cannot be read (the pin file was damaged)',
    );
  });
});
