import { stringify } from 'yaml';
import type { Architecture } from '../templates/templateSchema.js';
import type { Distro } from './baseImages.js';

export interface AmiTemplateSource {
  slug: string;
  image_id: string;
  region: string;
  architecture: Architecture;
  /** The workstation it was saved from, and that one's template, for the description. */
  workstation: string;
  from_template: string;
  instance_type: string;
  ssh_user: string;
  saved_at: string;
  /** The Linux of the workstation's base, so the template's boot script fits the image. */
  distro?: Distro;
}

/**
 * A template that launches a saved image, in CloudWorkstation's `ami-based` shape (an AMI per
 * region and architecture, no package manager: the image already has everything), with the
 * image's Linux declared so that the boot script on relaunch uses the right tools.
 */
export function renderAmiTemplate(source: AmiTemplateSource): string {
  const document = {
    name: source.slug,
    slug: source.slug,
    description: `Saved from ${source.workstation} (template ${source.from_template}) on ${source.saved_at.slice(0, 10)}`,
    base: 'ami-based',
    package_manager: 'ami',
    ami_config: {
      amis: { [source.region]: { [source.architecture]: source.image_id } },
      ssh_user: source.ssh_user,
      ...(source.distro ? { distro: source.distro } : {}),
    },
    instance_defaults: { type: source.instance_type },
  };
  return `# Written by cws-tui image save: launches ${source.image_id}.\n${stringify(document)}`;
}
