import type { Architecture } from '../templates/templateSchema.js';
import { BASE_IMAGES, type BaseImage, type Distro, type ImageSource } from './baseImages.js';

const byName = new Map<string, BaseImage>(
  BASE_IMAGES.flatMap((image) => [image.base, ...image.aliases].map((name) => [name, image] as const)),
);

/** The canonical base names, for messages and completion. */
export const KNOWN_BASES: readonly string[] = BASE_IMAGES.map((image) => image.base);

/** The base image a template's `base` names (canonical name or alias, any case), if any. */
export function findBaseImage(base: string): BaseImage | undefined {
  return byName.get(base.trim().toLowerCase());
}

export class UnknownBaseError extends Error {
  constructor(readonly base: string) {
    super(`unknown base '${base}'; known bases: ${KNOWN_BASES.join(', ')}`);
    this.name = 'UnknownBaseError';
  }
}

function requireBaseImage(base: string): BaseImage {
  const image = findBaseImage(base);
  if (!image) throw new UnknownBaseError(base);
  return image;
}

/** Where to look up the current AMI of `base` for `architecture` at launch time. */
export function resolveImageSource(base: string, architecture: Architecture): ImageSource {
  return requireBaseImage(base).sources[architecture];
}

export function distroOfBase(base: string): Distro {
  return requireBaseImage(base).distro;
}
