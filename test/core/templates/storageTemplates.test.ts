import { describe, expect, it } from 'vitest';
import { fsxShapeProblems } from '../../../source/core/fsx/fsxShapeRules.js';
import { builtinTemplatesDir } from '../../../source/core/templates/builtinTemplatesDir.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { resolveAll } from '../../../source/core/templates/resolveTemplate.js';
import { templateStorageSchema } from '../../../source/core/templates/templateStorageSchema.js';

async function builtins() {
  const registry = await loadTemplateRegistry({
    searchPath: [{ directory: builtinTemplatesDir({}), origin: 'builtin' }],
  });
  return new Map(resolveAll(registry).templates.map((template) => [template.slug, template]));
}

describe('high-performance storage templates', () => {
  it('declare the FSx file system their work needs', async () => {
    const bySlug = await builtins();
    expect(bySlug.get('hpc-lustre-scratch')?.storage).toMatchObject({
      type: 'lustre',
      deployment: 'scratch2',
      pattern: 'hpc-scratch',
      lifetime_days: 14,
    });
    expect(bySlug.get('research-data-openzfs')?.storage).toMatchObject({
      type: 'openzfs',
      compression: 'zstd',
    });
    const gpu = bySlug.get('gpu-training-lustre');
    expect(gpu?.storage).toMatchObject({
      type: 'lustre',
      deployment: 'persistent2',
      import: true,
      export: true,
    });
    expect(gpu?.inheritance_chain).toContain('python-ml');
    expect(gpu?.sizes?.GPU).toBe('g5.2xlarge');
  });

  it('declare shapes FSx accepts', async () => {
    const bySlug = await builtins();
    for (const slug of ['hpc-lustre-scratch', 'research-data-openzfs', 'gpu-training-lustre']) {
      const storage = bySlug.get(slug)?.storage;
      if (!storage) throw new Error(`${slug} declares no storage`);
      const deployment = storage.type === 'openzfs' ? 'single-az-1' : (storage.deployment ?? 'scratch2');
      expect(fsxShapeProblems(deployment, storage.capacity_gib ?? 1200, storage.throughput), slug).toEqual(
        [],
      );
    }
  });

  it('refuses a storage declaration with an unknown type or key', () => {
    expect(templateStorageSchema.safeParse({ type: 'efs' }).success).toBe(false);
    expect(templateStorageSchema.safeParse({ type: 'lustre', size: 5 }).success).toBe(false);
    expect(templateStorageSchema.safeParse({ type: 'lustre', s3: 'http://x' }).success).toBe(false);
  });
});
