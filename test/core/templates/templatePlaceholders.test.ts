import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholdersIn } from '../../../source/core/templates/templatePlaceholders.js';

const unknown = (use: { raw: string }): never => {
  throw new Error(`unknown ${use.raw}`);
};

describe('Go string literals in templates', () => {
  it('are not placeholders, so a docker --format written the Go way validates', () => {
    expect(placeholdersIn("docker ps --format '{{`{{.Names}}`}}' {{.tag}}").map((use) => use.raw)).toEqual([
      '{{.tag}}',
    ]);
    expect(placeholdersIn('{{"{{"}}.Names{{"}}"}}')).toEqual([]);
  });

  it('become their text when the template is filled, raw or with escapes', () => {
    const values = new Map([['tag', 'v1']]);
    expect(fillPlaceholders("docker ps --format '{{`{{.Names}}`}}' {{.tag}}", values, unknown)).toBe(
      "docker ps --format '{{.Names}}' v1",
    );
    expect(fillPlaceholders('{{"{{"}}.Names{{ "}}" }}', values, unknown)).toBe('{{.Names}}');
    expect(fillPlaceholders('{{"a\\tb"}}', values, unknown)).toBe('a\tb');
  });

  it('still refuse a bare Go field that names no parameter', () => {
    expect(() => fillPlaceholders("docker ps --format '{{.Names}}'", new Map(), unknown)).toThrow(
      'unknown {{.Names}}',
    );
  });
});
