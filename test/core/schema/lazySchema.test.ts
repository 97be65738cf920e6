import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../source/core/schema/lazySchema.js';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds++;
      return z.object({ name: z.string() });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ name: 'a' })).toEqual({ name: 'a' });
    expect(schema.safeParse({ name: 1 }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('stands in for the schema inside other schemas, extended and spread', () => {
    const port = lazySchema(() => z.number().int().min(1).max(65535));
    const base = lazySchema(() => z.object({ port }));
    const extended = lazySchema(() => base.extend({ name: z.string().optional() }));
    const spread = lazySchema(() => z.object({ ...base.shape, tags: z.array(z.string()) }));
    expect(extended.parse({ port: 22, name: 'ssh' })).toEqual({ port: 22, name: 'ssh' });
    expect(spread.parse({ port: 80, tags: [] })).toEqual({ port: 80, tags: [] });
    expect(z.array(port).safeParse([0]).error?.issues[0]?.code).toBe('too_small');
    expect(base instanceof z.ZodObject).toBe(true);
    expect(Object.keys(base.shape)).toEqual(['port']);
  });

  it('reports the same issues as the schema it builds', () => {
    const build = () => z.object({ state: z.enum(['running', 'stopped']) }).strict();
    const eager = build().safeParse({ state: 'gone', extra: 1 });
    const lazy = lazySchema(build).safeParse({ state: 'gone', extra: 1 });
    expect(lazy.error?.issues).toEqual(eager.error?.issues);
  });
});
