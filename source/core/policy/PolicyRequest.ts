import type { ClusterPolicyFacts } from '../hpc/hpcPolicySchema.js';
import type { Compliance } from '../marketplace/complianceSchema.js';
import type { TemplateProvenance } from '../marketplace/TemplateProvenance.js';
import type { BigDataPolicyFacts } from './BigDataPolicyFacts.js';
import type { ServiceType } from './policySchema.js';

/** What a launch asks for, as the policy sees it. */
export interface PolicyRequest {
  template_slug: string;
  instance_type: string;
  region: string;
  spot: boolean;
  hibernation: boolean;
  service_type: ServiceType;
  root_volume_gb: number;
  /** The EFS file system to mount, if any. */
  efs?: string;
  tags: Record<string, string>;
  /** The template's ancestors, root first (without the template itself): a denied one denies it. */
  template_ancestors?: string[];
  /** The buckets the template's S3 files come from (the launch grants read access to them). */
  template_s3_buckets?: string[];
  /** Whether the template or an ancestor is not a built-in; unknown when absent. */
  template_user_made?: boolean;
  /** Set for an HPC cluster (create or update): its size at full scale, for the `hpc:` caps. */
  cluster?: ClusterPolicyFacts;
  /** Set for an EMR request: its capacity, auto-stop and buckets; workstation-only rules are skipped. */
  bigdata?: BigDataPolicyFacts;
  /** Where each file of the template's chain came from, re-verified at load; unknown when absent. */
  template_provenance?: TemplateProvenanceFact[];
  /** The template's own `compliance:` claims, held against the launch. */
  template_compliance?: Compliance;
  /** Whether the workstation would get a public IP where it is launched; unknown when absent. */
  launch_public_ip?: boolean;
}

export interface TemplateProvenanceFact {
  slug: string;
  provenance?: TemplateProvenance;
}
