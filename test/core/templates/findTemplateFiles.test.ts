import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTemplateFiles } from '../../../source/core/templates/findTemplateFiles.js';
import { loadTemplateRegistry } from '../../../source/core/templates/loadTemplateRegistry.js';
import { formatDiagnostic } from '../../../source/core/templates/TemplateDiagnostic.js';

let root: string;
const put = (path: string, text = 'name: x\nbase: ubuntu-24.04\n') => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cws-tree-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findTemplateFiles', () => {
  it('reads a copied CloudWorkstation tree: subfolders, .yaml and .yml, not hidden files or other files', async () => {
    put('base.yml');
    put('community/ubuntu-desktop.yaml');
    put('examples/ml/gpu.yml');
    put('.git/config.yml');
    put('community/.draft.yml');
    put('community/README.md');
    const { files, diagnostics } = await findTemplateFiles(root);
    expect(files.map((found) => found.relative_path)).toEqual([
      'base.yml',
      'community/ubuntu-desktop.yaml',
      'examples/ml/gpu.yml',
    ]);
    expect(files[2]!.file).toBe(join(root, 'examples/ml/gpu.yml'));
    expect(diagnostics).toEqual([]);
  });

  it('stops at the depth limit with a warning naming the folder', async () => {
    put('a/b/c/deep.yml');
    put('a/shallow.yml');
    const { files, diagnostics } = await findTemplateFiles(root, 2);
    expect(files.map((found) => found.relative_path)).toEqual(['a/shallow.yml']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(root, 'a/b/c')}: warning: skipped: templates are read at most 2 folders deep`,
    ]);
  });

  it('follows a symbolic link once and stops at a loop', async () => {
    put('shared/lab.yml');
    symlinkSync(join(root, 'shared'), join(root, 'linked'));
    symlinkSync(root, join(root, 'shared', 'back-to-root'));
    const { files, diagnostics } = await findTemplateFiles(root);
    expect(files.map((found) => found.relative_path)).toEqual(['linked/lab.yml']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^skipped: this folder is .*, which is read already \(a symbolic link loop\?\)$/),
      expect.stringMatching(/^skipped: this folder is .*, which is read already/),
    ]);
  });

  it('loads the whole tree into the registry, each template with its relative path', async () => {
    put('top.yml', 'name: Top\nbase: ubuntu-24.04\n');
    put('community/r/lab.yml', 'name: Lab R\nbase: rocky-9\n');
    const registry = await loadTemplateRegistry({ searchPath: [{ directory: root, origin: 'env' }] });
    expect(registry.diagnostics).toEqual([]);
    expect(registry.templates.get('lab-r')?.relative_path).toBe('community/r/lab.yml');
    expect(registry.templates.get('top')?.relative_path).toBe('top.yml');
  });
});
