import type { Distro } from '../images/baseImages.js';
import { distroNamedIn, namesAmazonLinux2 } from '../images/distroNamedIn.js';
import { findBaseImage, KNOWN_BASES } from '../images/resolveImageSource.js';
import type { ImageSource } from '../ports.js';
import type { AmiConfig } from './amiConfigSchema.js';
import { closestKnownKey } from './closestKnownKey.js';
import type { TemplatePath } from './LoadedTemplate.js';
import type { Architecture, Template } from './templateSchema.js';

/** CloudWorkstation's base for a template that names its own image in `ami_config`. */
export const AMI_BASED = 'ami-based';

export const isAmiBased = (template: Pick<Template, 'base'>): boolean =>
  template.base?.trim().toLowerCase() === AMI_BASED;

/** What the boot script needs to know of a template's image. */
export interface TemplateImage {
  distro: Distro;
  displayName: string;
  /** The image has its software: install only what the script needs and finds missing. */
  prebuilt: boolean;
}

/** Why a template's image cannot be used, at the field to fix. */
export interface TemplateImageProblem {
  field: 'base' | 'ami_config';
  path: TemplatePath;
  message: string;
  /** Not a problem yet: the template's fixed AMIs are asked at launch which Linux they run. */
  atLaunch?: true;
}

const DISTRO_NAMES: Record<Distro, string> = {
  ubuntu: 'Ubuntu',
  rocky: 'Rocky Linux',
  al2023: 'Amazon Linux 2023',
};

/** The vendors' default login users, when nothing else names the family. */
const LOGIN_USERS: Record<string, Distro> = { ubuntu: 'ubuntu', rocky: 'rocky', 'ec2-user': 'al2023' };

function ssmParameters(config: AmiConfig): string[] {
  const parameter = config.ssm_parameter;
  if (parameter === undefined) return [];
  return typeof parameter === 'string'
    ? [parameter]
    : Object.values(parameter).filter((p) => p !== undefined);
}

/**
 * The image family of an `ami-based` template: declared in `ami_config.distro`, else read from the
 * names it looks the image up by, else from the vendor login user. Undefined when none says.
 */
export function detectAmiDistro(config: AmiConfig): Distro | undefined {
  if (config.distro) return config.distro;
  const names = [...ssmParameters(config), config.ami_search?.name_pattern ?? ''];
  const named = distroNamedIn(names);
  if (named || names.some(namesAmazonLinux2)) return named;
  return config.ssh_user ? LOGIN_USERS[config.ssh_user] : undefined;
}

function hasImageSource(config: AmiConfig): boolean {
  return (
    Object.keys(config.amis ?? {}).length > 0 ||
    Object.keys(config.ami_mappings ?? {}).length > 0 ||
    config.ami_search !== undefined ||
    ssmParameters(config).length > 0
  );
}

/** The template's image for the boot script, or the one problem that stops it being used. */
export function describeTemplateImage(
  template: Pick<Template, 'base' | 'ami_config'>,
): TemplateImage | TemplateImageProblem {
  const base = template.base ?? '';
  if (isAmiBased(template)) {
    const config = template.ami_config;
    if (!config || !hasImageSource(config)) {
      return {
        field: config ? 'ami_config' : 'base',
        path: config ? ['ami_config'] : ['base'],
        message:
          'base ami-based names no image: add ami_config with amis (region -> architecture -> AMI id), ami_mappings, ami_search (owner and name_pattern) or ssm_parameter',
      };
    }
    const distro = detectAmiDistro(config);
    // Whatever finds the AMI (fixed ids, an SSM parameter, a search), the launch knows its id
    // before anything is created and reads the Linux from the image then.
    if (!distro) {
      return {
        field: 'ami_config',
        path: ['ami_config'],
        atLaunch: true,
        message:
          "the AMI's Linux is read from the image at launch (its platform, name and description): add ami_config.distro: ubuntu, rocky or al2023 to check the packages and boot script now",
      };
    }
    return { distro, displayName: `the template's ${DISTRO_NAMES[distro]} AMI`, prebuilt: true };
  }
  const image = findBaseImage(base);
  if (!image) {
    const known = [...KNOWN_BASES, AMI_BASED];
    const closest = closestKnownKey(base, known);
    return {
      field: 'base',
      path: ['base'],
      message: `unknown base '${base}'${closest ? ` (closest: '${closest}')` : ''}; known bases: ${known.join(', ')}`,
    };
  }
  return { distro: image.distro, displayName: image.displayName, prebuilt: image.prebuilt === true };
}

export const isTemplateImageProblem = (
  image: TemplateImage | TemplateImageProblem,
): image is TemplateImageProblem => 'message' in image;

/** A template whose image cannot be resolved: the message names the field and the fix. */
export class TemplateImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateImageError';
  }
}

/** The template's image facts; throws TemplateImageError when validation would have refused it. */
export function templateImage(template: Pick<Template, 'base' | 'ami_config'>): TemplateImage {
  const image = describeTemplateImage(template);
  if (isTemplateImageProblem(image)) throw new TemplateImageError(image.message);
  return image;
}

export const templateDistro = (template: Pick<Template, 'base' | 'ami_config'>): Distro =>
  templateImage(template).distro;

/**
 * Where the AMI of `template` comes from in `region` for `architecture`: a built-in base's vendor
 * source, or an `ami-based` template's own: its AMI for that region and architecture first, then its
 * one AMI for the region, its SSM parameter, and its owner + name pattern search.
 */
export function templateImageSource(
  template: Pick<Template, 'base' | 'ami_config' | 'slug'>,
  architecture: Architecture,
  region: string,
): ImageSource {
  const image = describeTemplateImage(template);
  if (isTemplateImageProblem(image) && !image.atLaunch) throw new TemplateImageError(image.message);
  if (!isAmiBased(template)) {
    const source = findBaseImage(template.base ?? '')!.sources[architecture];
    return source.kind === 'ssm'
      ? source
      : { kind: 'describe-images', owner: source.owner, name_pattern: source.namePattern, architecture };
  }
  const config = template.ami_config!;
  const exact = config.amis?.[region]?.[architecture] ?? config.ami_mappings?.[region];
  if (exact) return { kind: 'ami', image_id: exact, architecture };
  const parameter =
    typeof config.ssm_parameter === 'string' ? config.ssm_parameter : config.ssm_parameter?.[architecture];
  if (parameter) return { kind: 'ssm', parameter };
  const search = config.ami_search;
  const searchArchitectures = [search?.architecture ?? []].flat();
  if (search && (searchArchitectures.length === 0 || searchArchitectures.includes(architecture))) {
    return { kind: 'describe-images', owner: search.owner, name_pattern: search.name_pattern, architecture };
  }
  const offered = Object.entries(config.amis ?? {})
    .flatMap(([where, byArch]) => Object.keys(byArch).map((arch) => `${where} ${arch}`))
    .concat(Object.keys(config.ami_mappings ?? {}));
  throw new TemplateImageError(
    `template '${template.slug ?? ''}' has no ${architecture} AMI for ${region}` +
      (offered.length > 0 ? ` (ami_config has ${offered.join(', ')})` : '') +
      `: add ami_config.amis.${region}.${architecture}, an ssm_parameter or an ami_search, or launch in another region or with a ${architecture === 'arm64' ? 'x86_64' : 'arm64'} instance type`,
  );
}

/**
 * The Linux a launch's boot script is made for: the template's own (declared or named), else, for
 * an image source that names none, what the image itself says (`imageSays`, read at launch).
 */
export function launchDistro(
  template: Pick<Template, 'base' | 'ami_config'>,
  imageId: string,
  imageSays: Distro | undefined,
): Distro {
  const image = describeTemplateImage(template);
  if (!isTemplateImageProblem(image)) return image.distro;
  if (!image.atLaunch) throw new TemplateImageError(image.message);
  if (imageSays) return imageSays;
  throw new TemplateImageError(
    `cannot tell which Linux the AMI ${imageId} runs (its platform, name and description name none of Ubuntu, Rocky Linux, Amazon Linux 2023): add ami_config.distro: ubuntu, rocky or al2023 to the template`,
  );
}
