import { LUSTRE_DEPLOYMENTS } from '../../core/fsx/FsxFileSystem.js';
import type { FsxCreateOptions } from '../../core/fsx/planFsxCreate.js';

export const FSX_CREATE_EXAMPLE = 'lustre NAME [GiB|TiB] [scratch2|persistent2], or openzfs NAME [GiB]';

/**
 * The storage page's one-line FSx create: the type, a name, then a capacity and (Lustre) a
 * deployment in either order, as `storage create --type` takes them. The values themselves are
 * checked by `planFsxCreate`, which says the nearest valid ones; only the line's shape is here.
 */
export function parseFsxCreateLine(line: string): FsxCreateOptions | string {
  const [type, name, ...rest] = line.trim().split(/\s+/).filter(Boolean);
  if (!type || !name) return `Type the type and a name: ${FSX_CREATE_EXAMPLE}`;
  const options: FsxCreateOptions = { name, type, import: false, export: false, quotas: [] };
  for (const token of rest) {
    if ((LUSTRE_DEPLOYMENTS as readonly string[]).includes(token) && options.deployment === undefined)
      options.deployment = token;
    else if (/^\d/.test(token) && options.capacity === undefined) options.capacity = token;
    else return `'${token}' is neither a capacity nor a deployment: ${FSX_CREATE_EXAMPLE}`;
  }
  return options;
}
