import { createRequire } from 'node:module';

type NodeCrypto = typeof import('node:crypto');

let loaded: NodeCrypto | undefined;

/**
 * node:crypto, loaded the first time a caller needs it rather than when a module that might need it
 * is imported: importing it (any part) costs about 3.7 MB resident for the life of the process, and
 * the dashboard imports many modules that use it only for rare actions (signing, launching, demo ids).
 */
export function nodeCrypto(): NodeCrypto {
  // getBuiltinModule is Node 22.3 and later; require() works on every supported Node.
  loaded ??=
    process.getBuiltinModule?.('node:crypto') ??
    (createRequire(import.meta.url)('node:crypto') as NodeCrypto);
  return loaded;
}
