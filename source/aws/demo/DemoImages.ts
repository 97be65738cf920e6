import { nodeCrypto } from '../../core/crypto/nodeCrypto.js';
import type { ImagePort, ImageSource } from '../../core/ports.js';

/**
 * Resolves image sources the way AWS would, to a stable AMI id per region and source, so that the
 * whole launch path (including the base table's SSM parameter names) runs on the demo account.
 */
export class DemoImages implements ImagePort {
  async resolveImage(region: string, source: ImageSource): Promise<string> {
    // A template's own AMI is launched as named, as EC2 would.
    if (source.kind === 'ami') return source.image_id;
    const key =
      source.kind === 'ssm'
        ? source.parameter
        : `${source.owner}/${source.name_pattern}/${source.architecture}`;
    return `ami-0${nodeCrypto().createHash('sha256').update(`${region}:${key}`).digest('hex').slice(0, 16)}`;
  }
}
