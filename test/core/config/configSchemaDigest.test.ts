import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../../source/core/config/configSchema.js';
import { CONFIG_SCHEMA_DIGEST } from '../../../source/core/config/configSchemaDigest.js';

describe('the config schema digest', () => {
  it('is the digest of the schema conf checks config.json with (update it when the profile schema changes)', () => {
    const digest = createHash('sha256').update(JSON.stringify(configJsonSchema())).digest('hex');
    expect(CONFIG_SCHEMA_DIGEST).toBe(digest);
  });

  it('changes with the schema: the profile schema is part of what it covers', () => {
    expect(JSON.stringify(configJsonSchema())).toContain('"aws_profile"');
  });
});
