import { nodeCrypto } from '../../core/crypto/nodeCrypto.js';
import type { StudioAppType } from '../../core/ports.js';
import type { DemoState } from './demoState.js';
import { iso, requireDomainInService, requireProfile } from './demoStudioRecords.js';

/** A presigned Studio URL is valid for this long (CreatePresignedDomainUrl's default). */
const PRESIGNED_URL_SECONDS = 300;

/** CreatePresignedDomainUrl on the demo state: a fresh token for a profile of a domain in service. */
export function demoPresignedUrl(
  state: DemoState,
  region: string,
  request: { domain_id: string; profile: string; space?: string; landing: StudioAppType },
  at: number,
): { url: string; expires_at: string } {
  requireDomainInService(state, region, request.domain_id, at);
  requireProfile(state, region, request.domain_id, request.profile, at);
  const token = nodeCrypto().randomBytes(24).toString('base64url');
  const url = new URL(`https://${request.domain_id}.studio.${region}.sagemaker.aws/auth`);
  url.searchParams.set('token', token);
  if (request.space) url.searchParams.set('space', request.space);
  url.searchParams.set('landing', `app:${request.landing}:`);
  return { url: url.toString(), expires_at: iso(at + PRESIGNED_URL_SECONDS * 1000) };
}
