import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let found: string | undefined;

function isPackageRoot(directory: string): boolean {
  const manifest = join(directory, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'cws-tui';
  } catch {
    return false;
  }
}

/**
 * The `templates/` directory shipped with the package. Found by walking up from this module to the
 * package root, which works from source (tests, tsx) and from the bundle in dist/ alike;
 * CWS_BUILTIN_TEMPLATES overrides it.
 */
export function builtinTemplatesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CWS_BUILTIN_TEMPLATES) return env.CWS_BUILTIN_TEMPLATES;
  if (found) return found;
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!isPackageRoot(directory)) {
    const parent = dirname(directory);
    if (parent === directory) {
      // No package root above this module: fall back to the working directory's templates.
      return join(process.cwd(), 'templates');
    }
    directory = parent;
  }
  found = join(directory, 'templates');
  return found;
}
