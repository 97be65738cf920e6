import { retainedStudioHomeTags } from '../../core/services/studioHomeFileSystems.js';
import type { DemoState, DemoStudioDomain } from './demoState.js';

/** A home EFS holding a few users' files, as a demo domain leaves it. */
const DEMO_HOME_BYTES = 48 * 1024 ** 2;

/**
 * What DeleteDomain with RetentionPolicy Retain leaves in the demo account: the domain's home EFS, now
 * a file system of its own, tagged as the AWS adapter tags it.
 */
export function retainHomeFileSystem(state: DemoState, domain: DemoStudioDomain, at: number): void {
  const id = domain.home_efs_file_system_id;
  if (state.file_systems.some((fs) => fs.id === id)) return;
  const tags = retainedStudioHomeTags(domain.id);
  state.file_systems.push({
    id,
    name: tags.Name ?? id,
    region: domain.region,
    created_at: domain.created_at,
    available_at: new Date(at).toISOString(),
    size_bytes: DEMO_HOME_BYTES,
    creation_token: `sagemaker/${domain.id}`,
    tags,
    mount_target_subnets: [`${domain.region}-default`],
  });
}
