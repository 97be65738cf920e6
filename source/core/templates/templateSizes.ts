import { findInstanceType } from '../catalog/instanceTypes.js';
import { findGlobalSize, GLOBAL_SIZES, type GlobalSize } from './globalSizes.js';
import type { Architecture, Template } from './templateSchema.js';

type SizedTemplate = Pick<
  Template,
  'sizes' | 'minimum_size' | 'architecture' | 'instance_defaults' | 'service_config'
>;

/** The architecture a template's global sizes are for: declared, else its default type's, else x86_64. */
export function templateArchitecture(template: SizedTemplate): Architecture {
  if (template.architecture) return template.architecture;
  const type = template.instance_defaults?.type;
  return (type ? findInstanceType(type)?.architecture : undefined) ?? 'x86_64';
}

const hasOwnSizes = (template: SizedTemplate): boolean => Object.keys(template.sizes ?? {}).length > 0;

/** The global sizes at or above the template's minimum: a GPU minimum keeps only GPU sizes. */
function globalSizesFrom(minimum: GlobalSize | undefined): GlobalSize[] {
  if (!minimum) return [...GLOBAL_SIZES];
  return GLOBAL_SIZES.filter((size) =>
    minimum.kind === 'gpu'
      ? size.kind === 'gpu' && size.rank >= minimum.rank
      : size.kind === 'gpu' || size.rank >= minimum.rank,
  );
}

/**
 * The sizes a template offers, size name -> instance type, in order: its own `sizes` when it has
 * any (they override), else CloudWorkstation's global sizes for its architecture from its
 * `minimum_size` up. A managed web service (SageMaker) has only its own.
 */
export function templateSizes(template: SizedTemplate): Record<string, string> {
  if (hasOwnSizes(template) || template.service_config) return { ...(template.sizes ?? {}) };
  const architecture = templateArchitecture(template);
  const minimum = template.minimum_size ? findGlobalSize(template.minimum_size) : undefined;
  return Object.fromEntries(globalSizesFrom(minimum).map((size) => [size.name, size.types[architecture]]));
}

/** The template's size that `name` means: its own name in any case, or a global size's spelling. */
export function findTemplateSize(template: SizedTemplate, name: string): [string, string] | undefined {
  const sizes = templateSizes(template);
  const wanted = name.trim().toLowerCase();
  const own = Object.entries(sizes).find(([size]) => size.toLowerCase() === wanted);
  if (own) return own;
  const global = findGlobalSize(name);
  return global && sizes[global.name] ? [global.name, sizes[global.name]!] : undefined;
}

/**
 * Why a template's `minimum_size` names no size it offers, or undefined when it does: one of its
 * own sizes, or (with no own sizes) a global size.
 */
export function minimumSizeProblem(template: SizedTemplate): string | undefined {
  const minimum = template.minimum_size;
  if (minimum === undefined) return undefined;
  if (hasOwnSizes(template)) {
    if (Object.keys(template.sizes ?? {}).some((size) => size.toLowerCase() === minimum.toLowerCase()))
      return undefined;
    return `minimum_size '${minimum}' is not one of the sizes (${Object.keys(template.sizes ?? {}).join(', ')})`;
  }
  if (template.service_config) return `minimum_size '${minimum}' is not one of the sizes (none)`;
  if (findGlobalSize(minimum)) return undefined;
  return `minimum_size '${minimum}' is not a size: the global sizes are ${GLOBAL_SIZES.map((size) => size.name).join(', ')}`;
}

/** The type a template launches with when no size or type is asked for, if its sizes decide it. */
export function minimumSizeType(template: SizedTemplate): string | undefined {
  if (template.minimum_size === undefined) return undefined;
  return findTemplateSize(template, template.minimum_size)?.[1];
}

/** A short label of the sizes offered: own names, or the global ranges (`M-XL GPU-S-GPU-XL`). */
export function templateSizesLabel(template: SizedTemplate): string {
  const names = Object.keys(templateSizes(template));
  if (names.length === 0) return '-';
  if (hasOwnSizes(template) || template.service_config) return names.join(' ');
  const range = (kind: GlobalSize['kind']) => {
    const of = names.filter((name) => findGlobalSize(name)?.kind === kind);
    return of.length === 0 ? '' : of.length === 1 ? of[0]! : `${of[0]}-${of.at(-1)}`;
  };
  return [range('cpu'), range('gpu')].filter((part) => part !== '').join(' ');
}
