import { type EC2Client, paginateDescribeImages } from '@aws-sdk/client-ec2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { CloudError } from '../core/CloudError.js';
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
          : this.newestImage(region, source);
      // A failure is not kept: the next launch asks again.
      pending.catch(() => this.resolved.delete(key));
      this.resolved.set(key, pending);
    }
    return pending;
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
