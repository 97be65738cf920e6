import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyticsTemplateSchema } from '../../../source/core/analytics/analyticsTemplateSchema.js';
import { requireWorkstationTemplate } from '../../../source/core/launch/launchChecks.js';
import { scanTemplateText } from '../../../source/core/marketplace/scan/scanTemplateText.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { validateTemplates } from '../../../source/core/templates/validateTemplates.js';

const SLUGS = ['athena-analytics', 'quicksight-analytics', 'databrew-prep'] as const;
const searchPath = [{ directory: builtinTemplatesDir(), origin: 'builtin' as const }];

describe('the analytics templates', () => {
  it('load and validate with no diagnostics, each with its kind of analytics section', async () => {
    const files = SLUGS.map((slug) => join(builtinTemplatesDir(), `${slug}.yml`));
    const validation = await validateTemplates({ searchPath, paths: files });
    expect(validation.diagnostics).toEqual([]);
    const templates = resolveAll(await loadTemplateRegistry({ searchPath })).templates;
    const kinds = SLUGS.map((slug) => templates.find((t) => t.slug === slug)?.analytics?.kind);
    expect(kinds).toEqual(['athena', 'quicksight', 'databrew']);
  });

  it.each(SLUGS)('%s has no marketplace scanner finding', (slug) => {
    const text = readFileSync(join(builtinTemplatesDir(), `${slug}.yml`), 'utf8');
    expect(scanTemplateText(text).findings).toEqual([]);
  });

  it('is refused as a workstation launch, with the command that uses it', async () => {
    const templates = resolveAll(await loadTemplateRegistry({ searchPath })).templates;
    const quicksight = templates.find((t) => t.slug === 'quicksight-analytics');
    expect(() => requireWorkstationTemplate(quicksight!)).toThrow(
      /quicksight template, not an EC2 workstation/,
    );
    const databrew = templates.find((t) => t.slug === 'databrew-prep');
    expect(() => requireWorkstationTemplate(databrew!)).toThrow(
      expect.objectContaining({ hint: 'Run its job with: cws-tui databrew job run weather clean' }),
    );
  });

  it('rejects a section with a wrong recipe, no visuals or a bad location, saying why', () => {
    const bad = (section: unknown) =>
      analyticsTemplateSchema.safeParse(section).error?.issues.map((issue) => issue.message) ?? [];
    expect(
      bad({
        kind: 'databrew',
        dataset: { name: 'x', s3_uri: 's3://lab-bucket/x.csv' },
        recipe: 'shuffle',
        job: { max_nodes: 2, output: 's3://lab-bucket/out/' },
      }),
    ).toEqual([expect.stringMatching(/a recipe is one of clean, dedupe, cast/)]);
    expect(
      bad({
        kind: 'quicksight',
        database: 'cws_samples',
        table: 'lab_spend',
        dashboard: { id: 'd', name: 'D', visuals: [] },
      }),
    ).toEqual(['a dashboard needs at least one visual']);
    expect(
      bad({
        kind: 'athena',
        database: 'db',
        examples: [{ name: 'q', sql: 'SELECT 1' }],
        data_source: {
          table: 't',
          location: 'http://x',
          format: 'csv',
          columns: [{ name: 'a', type: 'int' }],
        },
      }),
    ).toEqual(['an S3 location is s3://bucket/prefix']);
  });
});
