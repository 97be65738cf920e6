import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OperationError } from '../operations/OperationError.js';
import type { OperationsContext } from '../operations/OperationsContext.js';
import { type MachineImage, TAG } from '../ports.js';
import { slugFromName } from '../templates/slugFromName.js';
import type { Workstation } from '../workstations/Workstation.js';
import { renderAmiTemplate } from './amiTemplate.js';
import type { Distro } from './baseImages.js';

export interface SavedImage {
  image: MachineImage;
  template_path: string;
}

/** An AMI name: 3-128 characters of letters, digits and `()[] ./-'@_`. */
const AMI_NAME = /^[A-Za-z0-9()[\] ./'@_-]{3,128}$/;

/**
 * Makes an AMI of a workstation (root and data volumes, tagged) and writes a template that
 * launches it. A running workstation is imaged without a reboot (crash-consistent) unless the
 * caller stopped it first. The template file is written only once the image was accepted, and
 * never over an existing one.
 */
export async function saveImage(
  context: OperationsContext,
  workstation: Workstation,
  request: { slug: string; templates_dir: string; reboot: boolean; distro?: Distro },
): Promise<SavedImage> {
  const instance = workstation.instance;
  if (workstation.kind !== 'ec2' || !instance) {
    throw new OperationError(
      'refused',
      `${workstation.name} is a ${workstation.kind} service: only EC2 workstations are imaged`,
    );
  }
  if (slugFromName(request.slug) !== request.slug) {
    throw new OperationError(
      'invalid',
      `'${request.slug}' is not a template slug`,
      'Use lowercase letters, digits and single dashes, e.g. tuned-pytorch.',
    );
  }
  const path = join(request.templates_dir, `${request.slug}.yaml`);
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  if (exists)
    throw new OperationError(
      'refused',
      `${path} exists already`,
      'Choose another slug, or remove that template first.',
    );
  const name = `cws-${request.slug}-${new Date().toISOString().slice(0, 19).replaceAll(':', '')}`;
  if (!AMI_NAME.test(name)) throw new OperationError('invalid', `'${name}' is not a valid image name`);
  const image = await context.account.blockStorage.createImage(workstation.region, workstation.id, {
    name,
    description: `cws-tui: ${workstation.name} saved as template ${request.slug}`,
    reboot: request.reboot,
    tags: {
      [TAG.managed]: 'true',
      [TAG.name]: request.slug,
      [TAG.profile]: context.profile.name,
      [TAG.template]: request.slug,
      'cws:source-workstation': workstation.name,
      // A member's policy lets them create only images carrying their own research user.
      ...(workstation.research_user ? { [TAG.researchUser]: workstation.research_user } : {}),
    },
  });
  const text = renderAmiTemplate({
    slug: request.slug,
    image_id: image.id,
    region: workstation.region,
    architecture: instance.architecture,
    workstation: workstation.name,
    from_template: workstation.template,
    instance_type: workstation.instance_type,
    ssh_user: workstation.research_user ?? 'ubuntu',
    saved_at: new Date().toISOString(),
    ...(request.distro ? { distro: request.distro } : {}),
  });
  await mkdir(request.templates_dir, { recursive: true });
  // `wx`: a template written meanwhile by someone else is never overwritten.
  await writeFile(path, text, { flag: 'wx' });
  await context.audit({
    action: 'image-save',
    profile: context.profile.name,
    targets: [workstation.name, image.id],
    template: request.slug,
  });
  return { image, template_path: path };
}
