import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTemplates } from '../../../source/core/templates/mergeTemplates.js';
import type { Template } from '../../../source/core/templates/templateSchema.js';

const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
// Small port numbers so that parent and child often share some.
const ports = fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 6 });
const users = fc.uniqueArray(
  fc.record(
    { name: word, groups: fc.option(fc.array(word, { maxLength: 3 }), { nil: undefined }) },
    { requiredKeys: ['name'] },
  ),
  { selector: (user) => user.name, maxLength: 4 },
);
const template: fc.Arbitrary<Template> = fc.record(
  {
    name: word,
    base: fc.constantFrom('ubuntu-24.04', 'rocky-9', 'al2023'),
    ports,
    packages: fc.record(
      { system: fc.array(word, { maxLength: 5 }), pip: fc.array(word, { maxLength: 5 }) },
      { requiredKeys: [] },
    ),
    users,
    tags: fc.dictionary(word, word, { maxKeys: 4 }),
    post_install: word,
  },
  { requiredKeys: ['name'] },
);

describe('mergeTemplates properties', () => {
  it('lists keep every parent item first, then the new child items, without duplicates', () => {
    fc.assert(
      fc.property(template, template, (parent, child) => {
        const merged = mergeTemplates(parent, child).ports ?? [];
        const expected = [...new Set([...(parent.ports ?? []), ...(child.ports ?? [])])];
        if (parent.ports && child.ports) expect(merged).toEqual(expected);
        else expect(merged).toEqual(parent.ports ?? child.ports ?? []);
      }),
    );
  });

  it('users merge by name: one entry per name, every name from both sides', () => {
    fc.assert(
      fc.property(template, template, (parent, child) => {
        const names = (mergeTemplates(parent, child).users ?? []).map((user) => user.name);
        expect(new Set(names).size).toBe(names.length);
        expect(new Set(names)).toEqual(
          new Set([...(parent.users ?? []), ...(child.users ?? [])].map((u) => u.name)),
        );
      }),
    );
  });

  it('maps merge by key with the child winning, scalars follow the child when it sets them', () => {
    fc.assert(
      fc.property(template, template, (parent, child) => {
        const merged = mergeTemplates(parent, child);
        for (const [key, value] of Object.entries(child.tags ?? {})) expect(merged.tags?.[key]).toBe(value);
        for (const key of Object.keys(parent.tags ?? {})) expect(merged.tags).toHaveProperty(key);
        expect(merged.base).toBe(child.base ?? parent.base);
        expect(merged.name).toBe(child.name);
      }),
    );
  });

  it('an empty parent changes nothing, and merging is associative along a chain', () => {
    fc.assert(
      fc.property(template, template, template, (root, middle, leaf) => {
        expect(mergeTemplates({ name: 'empty' }, leaf)).toEqual(leaf);
        const stepwise = mergeTemplates(mergeTemplates(root, middle), leaf);
        const grouped = mergeTemplates(root, mergeTemplates(middle, leaf));
        expect(stepwise.ports).toEqual(grouped.ports);
        expect(stepwise.packages).toEqual(grouped.packages);
        expect(stepwise.tags).toEqual(grouped.tags);
        expect(stepwise.post_install).toEqual(grouped.post_install);
      }),
    );
  });
});
