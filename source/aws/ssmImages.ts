import { DescribeImagesCommand, type EC2Client, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { CloudError } from '../core/CloudError.js';
import type { Distro } from '../core/images/baseImages.js';
import { distroNamedIn } from '../core/images/distroNamedIn.js';
import type { ImagePort, ImageSource } from '../core/ports.js';
import { callAws } from './callAws.js';

export interface SsmImagesOptions {
  ssm: (region: string) => SSMClient;
  ec2: (region: string) => EC2Client;
  profile?: string;
}

/**
 * Resolves a template's image to an AMI id: from an SSM public parameter (the vendors publish
 * their current images there, per region and architecture), or the newest image matching an owner
 * and name pattern. Answers are kept for the session: images change at most a few times a month.
 */
export class SsmImages implements ImagePort {
  private readonly resolved = new Map<string, Promise<string>>();

  constructor(private readonly options: SsmImagesOptions) {}

  resolveImage(region: string, source: ImageSource): Promise<string> {
    const key = `${region}\u0000${JSON.stringify(source)}`;
    let pending = this.resolved.get(key);
    if (!pending) {
      pending =
        source.kind === 'ssm'
          ? this.fromParameter(region, source.parameter)
          : source.kind === 'ami'
            ? this.namedImage(region, source)
            : this.newestImage(region, source);
      // A failure is not kept: the next launch asks again.
      pending.catch(() => this.resolved.delete(key));
      this.resolved.set(key, pending);
    }
    return pending;
  }

  /**
   * What an AMI says of its Linux: its PlatformDetails ("Red Hat Enterprise Linux" and the like;
   * plain "Linux/UNIX" says nothing), then its name and description (e.g. "ubuntu/images/…",
   * "al2023-ami-…", "Rocky-9-EC2-Base-…", "Deep Learning … (Ubuntu 22.04)").
   */
  async imageDistro(region: string, imageId: string): Promise<Distro | undefined> {
    const response = await callAws(this.context('ec2:DescribeImages', region), () =>
      this.options.ec2(region).send(new DescribeImagesCommand({ ImageIds: [imageId] })),
    );
    const image = response.Images?.[0];
    if (!image) return undefined;
    return distroNamedIn([image.PlatformDetails, image.Name, image.Description]);
  }

  private context(action: string, region: string) {
    return { action, region, ...(this.options.profile ? { profile: this.options.profile } : {}) };
  }

  private async fromParameter(region: string, parameter: string): Promise<string> {
    const response = await callAws(this.context('ssm:GetParameter', region), () =>
      this.options.ssm(region).send(new GetParameterCommand({ Name: parameter })),
    ).catch((error: unknown) => {
      if (error instanceof CloudError && error.code === 'ParameterNotFound') {
        throw new CloudError({
          kind: 'not-found',
          code: error.code,
          message: `The image parameter ${parameter} does not exist in ${region}.`,
          hint: "Check the template's image parameter; vendors publish some images only in some regions.",
        });
      }
      throw error;
    });
    const value = response.Parameter?.Value ?? '';
    if (!value.startsWith('ami-')) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'NotAnImageParameter',
        message: `The parameter ${parameter} in ${region} does not hold an AMI id (it holds "${value.slice(0, 40)}").`,
        hint: "Point the template's image at a parameter under /aws/service/ that names an AMI.",
      });
    }
    return value;
  }

  /**
   * A template's own AMI: it must exist in the region, be available and fit the instance type's
   * architecture, or RunInstances would fail later with a less helpful message.
   */
  private async namedImage(region: string, source: Extract<ImageSource, { kind: 'ami' }>): Promise<string> {
    const missing = () =>
      new CloudError({
        kind: 'not-found',
        code: 'InvalidAMIID.NotFound',
        message: `The template's AMI ${source.image_id} does not exist in ${region}, or is not shared with this account.`,
        hint: 'AMI ids are per region: add the AMI of this region under ami_config.amis, or copy the image here.',
      });
    const response = await callAws(this.context('ec2:DescribeImages', region), () =>
      this.options.ec2(region).send(new DescribeImagesCommand({ ImageIds: [source.image_id] })),
    ).catch((error: unknown) => {
      if (error instanceof CloudError && error.code.startsWith('InvalidAMIID')) throw missing();
      throw error;
    });
    const image = response.Images?.[0];
    if (!image) throw missing();
    if (image.State && image.State !== 'available') {
      throw new CloudError({
        kind: 'conflict',
        code: 'ImageNotAvailable',
        message: `The template's AMI ${source.image_id} in ${region} is ${image.State}, not available.`,
        hint: 'Wait for the image to become available, or name another AMI in ami_config.',
      });
    }
    if (image.Architecture && image.Architecture !== source.architecture) {
      throw new CloudError({
        kind: 'invalid-parameter',
        code: 'ImageArchitectureMismatch',
        message: `The template's AMI ${source.image_id} is ${image.Architecture}, but the instance type is ${source.architecture}.`,
        hint: `Choose a ${image.Architecture} instance type, or add a ${source.architecture} AMI under ami_config.amis.${region}.`,
      });
    }
    return source.image_id;
  }

  private async newestImage(
    region: string,
    source: Extract<ImageSource, { kind: 'describe-images' }>,
  ): Promise<string> {
    const images = await callAws(this.context('ec2:DescribeImages', region), async () => {
      const found: { id: string; created: string }[] = [];
      const pages = paginateDescribeImages(
        { client: this.options.ec2(region) },
        {
          Owners: [source.owner],
          Filters: [
            { Name: 'name', Values: [source.name_pattern] },
            { Name: 'architecture', Values: [source.architecture] },
            { Name: 'state', Values: ['available'] },
          ],
        },
      );
      for await (const page of pages) {
        for (const image of page.Images ?? []) {
          if (image.ImageId) found.push({ id: image.ImageId, created: image.CreationDate ?? '' });
        }
      }
      return found;
    });
    // CreationDate is ISO 8601, so the newest sorts last as a string.
    const newest = images.sort((a, b) => a.created.localeCompare(b.created)).at(-1);
    if (!newest) {
      throw new CloudError({
        kind: 'not-found',
        code: 'NoMatchingImage',
        message: `No ${source.architecture} image named "${source.name_pattern}" owned by ${source.owner} in ${region}.`,
        hint: "Check the template's image owner and name pattern, or the region.",
      });
    }
    return newest.id;
  }
}
