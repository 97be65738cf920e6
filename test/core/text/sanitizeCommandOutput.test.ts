import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeJsonOutput,
  safeWriter,
  sanitizeCommandOutput,
} from '../../../source/core/text/sanitizeCommandOutput.js';
import {
  ESCAPE_SEQUENCES,
  HOSTILE_CLASSES,
  type HostileClass,
  hostileText,
  UNSAFE_IN_OUTPUT,
} from './hostileText.js';

describe('the hostile text generator', () => {
  it('reaches every class it claims, often', () => {
    const samples = fc.sample(hostileText, { numRuns: 2000, seed: 42 });
    for (const name of Object.keys(HOSTILE_CLASSES) as HostileClass[]) {
      const hits = samples.filter((sample) => HOSTILE_CLASSES[name].found.test(sample)).length;
      expect(hits, name).toBeGreaterThan(200);
    }
    const sequences = samples.filter((sample) =>
      ESCAPE_SEQUENCES.some((sequence) => sample.includes(sequence)),
    );
    expect(sequences.length).toBeGreaterThan(200);
  });
});

describe('sanitizeCommandOutput', () => {
  it('leaves nothing of any hostile class, wherever it sits, and keeps line breaks', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (before, after) => {
        const output = sanitizeCommandOutput(`${before}name: ${after}\n`);
        expect(output).not.toMatch(UNSAFE_IN_OUTPUT);
        expect(output.endsWith('\n')).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps printable text, non-Latin scripts and emoji as they are', () => {
    expect(sanitizeCommandOutput('Øresund 東京 🧪 ok\n')).toBe('Øresund 東京 🧪 ok\n');
    expect(sanitizeCommandOutput('a\u200Bb\uD800c\u202Ed')).toBe('ab\uFFFDcd');
  });
});

describe('escapeJsonOutput', () => {
  it('leaves no hostile character raw and parses to the same value', () => {
    fc.assert(
      fc.property(hostileText, (value) => {
        const text = escapeJsonOutput(JSON.stringify({ value }));
        expect(text).not.toMatch(UNSAFE_IN_OUTPUT);
        expect((JSON.parse(text) as { value: string }).value).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('is what a --json writer applies', () => {
    let written = '';
    safeWriter(
      (text) => {
        written += text;
      },
      { json: true },
    )(JSON.stringify({ name: 'a\u009Bb' }));
    expect(written).toBe('{"name":"a\\u009bb"}');
  });
});
