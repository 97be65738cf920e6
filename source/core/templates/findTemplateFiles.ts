import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';

/** How deep below a template directory files are still looked for (`community/ml/gpu/x.yml` is 3). */
export const MAX_TEMPLATE_DEPTH = 8;

export interface FoundTemplateFile {
  file: string;
  /** The path below the directory searched, e.g. `community/ubuntu-desktop.yml`. */
  relative_path: string;
}

export interface FoundTemplateFiles {
  files: FoundTemplateFile[];
  /** Folders skipped: too deep, a symbolic link back into the tree, or unreadable. */
  diagnostics: TemplateDiagnostic[];
}

const isTemplateName = (name: string): boolean => !name.startsWith('.') && /\.ya?ml$/i.test(name);

/**
 * The template files (`*.yml`, `*.yaml`, not hidden) in `directory` and its subfolders, sorted by
 * relative path, the way CloudWorkstation trees are copied (`community/`, `examples/`). Symbolic
 * links are followed, but a folder reached twice (a link loop, or two links to one folder) is read
 * once; folders below MAX_TEMPLATE_DEPTH are skipped with a warning, as are unreadable ones.
 */
export async function findTemplateFiles(
  directory: string,
  maxDepth: number = MAX_TEMPLATE_DEPTH,
): Promise<FoundTemplateFiles> {
  const files: FoundTemplateFile[] = [];
  const diagnostics: TemplateDiagnostic[] = [];
  const visited = new Set<string>();
  const warn = (file: string, message: string) =>
    diagnostics.push({ file, line: 0, column: 0, severity: 'warning', message });

  const walk = async (folder: string, depth: number): Promise<void> => {
    const real = await realpath(folder);
    if (visited.has(real)) {
      if (depth > 0)
        warn(folder, `skipped: this folder is ${real}, which is read already (a symbolic link loop?)`);
      return;
    }
    visited.add(real);
    const entries = await readdir(folder, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      // A symbolic link is whatever it points at; a dangling one is nothing.
      const kind = entry.isSymbolicLink()
        ? await stat(path).then(
            (info) => (info.isDirectory() ? 'directory' : info.isFile() ? 'file' : 'other'),
            () => 'other',
          )
        : entry.isDirectory()
          ? 'directory'
          : entry.isFile()
            ? 'file'
            : 'other';
      if (kind === 'file' && isTemplateName(entry.name)) {
        files.push({ file: path, relative_path: relative(directory, path) });
      } else if (kind === 'directory') {
        if (depth + 1 > maxDepth) {
          warn(path, `skipped: templates are read at most ${maxDepth} folders deep`);
          continue;
        }
        await walk(path, depth + 1).catch((error: unknown) =>
          warn(
            path,
            `skipped: ${(error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : String(error)}`,
          ),
        );
      }
    }
  };
  await walk(directory, 0);
  return { files: files.sort((a, b) => a.relative_path.localeCompare(b.relative_path)), diagnostics };
}
