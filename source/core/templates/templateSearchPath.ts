import { delimiter } from 'node:path';
import { type AppPaths, resolveAppPaths } from '../paths.js';
import { builtinTemplatesDir } from './builtinTemplatesDir.js';
import type { TemplateOrigin } from './LoadedTemplate.js';

export interface TemplateSearchDirectory {
  directory: string;
  origin: Exclude<TemplateOrigin, 'path'>;
  /** The config dir whose marketplace trust re-verifies installed templates (the user entry). */
  trustDir?: string;
}

/**
 * Where templates are looked for, in order: the built-ins, the user's templates directory, then
 * each directory of CWS_TEMPLATE_PATH (colon-separated). A later directory shadows an earlier one.
 */
export function templateSearchPath(
  env: NodeJS.ProcessEnv = process.env,
  paths: AppPaths = resolveAppPaths(env),
): TemplateSearchDirectory[] {
  const fromEnv = (env.CWS_TEMPLATE_PATH ?? '')
    .split(delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((directory): TemplateSearchDirectory => ({ directory, origin: 'env' }));
  return [
    { directory: builtinTemplatesDir(env), origin: 'builtin' },
    { directory: paths.userTemplatesDir, origin: 'user', trustDir: paths.configDir },
    ...fromEnv,
  ];
}
