import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Distro } from '../images/baseImages.js';
import { builtinTemplatesDir } from '../templates/builtinTemplatesDir.js';
import { closestKnownKey, typoDistance } from '../templates/closestKnownKey.js';

/** The package names one distro's repositories carry, from a shipped, dated list. */
export interface PackageIndex {
  /** Where the names come from and when, e.g. `Debian 12 (bookworm) main...; 2026-12-06`. */
  source: string;
  has(name: string): boolean;
  /** The indexed name nearest to a misspelt one, if one is a plausible typo away. */
  closest(name: string): string | undefined;
}

const loaded = new Map<Distro, PackageIndex | undefined>();

/**
 * The shipped index for `distro` (templates/package-index/<distro>.txt.gz, written by
 * scripts/packageIndex.mjs), or undefined when none ships or it cannot be read: a missing index
 * only means no check. Read once per process.
 */
export function packageIndex(distro: Distro, env: NodeJS.ProcessEnv = process.env): PackageIndex | undefined {
  if (loaded.has(distro)) return loaded.get(distro);
  let index: PackageIndex | undefined;
  try {
    const file = join(builtinTemplatesDir(env), 'package-index', `${distro}.txt.gz`);
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const headerEnd = text.indexOf('\n');
    const header = headerEnd === -1 ? text : text.slice(0, headerEnd);
    // A template checks a few names: each is looked up in the text, one name a line, rather than
    // splitting 60,000 names into a set first (a third of a cold `templates list`).
    const body = `${text.slice(headerEnd === -1 ? text.length : headerEnd)}\n`;
    let names: string[] | undefined;
    index = {
      source: header.replace(/^#\s*/, ''),
      has: (name) => name !== '' && !name.includes('\n') && body.includes(`\n${name}\n`),
      closest: (name) => {
        names ??= body.split('\n').filter((line) => line !== '');
        // Only names of a similar length can be a typo away: a cheap filter before the distance.
        const limit = typoDistance(name);
        const near = names.filter((candidate) => Math.abs(candidate.length - name.length) <= limit);
        return closestKnownKey(name, near, limit);
      },
    };
  } catch {
    index = undefined;
  }
  loaded.set(distro, index);
  return index;
}
