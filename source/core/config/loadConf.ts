import type ConfType from 'conf';

type ConfClass = typeof ConfType;

/**
 * conf, with ajv and semver, costs a cold command about 0.1 s to load, and a config file conf has
 * already accepted is read without it: it is loaded only when a file must be checked or written.
 * The bundle loads it then, synchronously, through the require() its banner provides (esbuild
 * evaluates a required module on first require); the source run as plain ESM (the tests) has no
 * require() and imports it up front instead.
 */
const imported: ConfClass | undefined =
  typeof require === 'function' ? undefined : (await import('conf')).default;

export function loadConf(): ConfClass {
  if (imported !== undefined) return imported;
  return (require('conf') as { default: ConfClass }).default;
}
