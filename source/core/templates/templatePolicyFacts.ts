import type { Compliance } from '../marketplace/complianceSchema.js';
import type { TemplateProvenanceFact } from '../policy/PolicyRequest.js';
import { resolveTemplate } from './resolveTemplate.js';
import type { TemplateRegistry } from './TemplateRegistry.js';
import { isS3File } from './templateFileKinds.js';
import type { ResolvedTemplate } from './templateSchema.js';

/** What a policy needs to know about a template besides its slug: its ancestors and who made it. */
export function templatePolicyFacts(
  template: Pick<
    ResolvedTemplate,
    'slug' | 'inheritance_chain' | 'user_made' | 'files' | 'provenance_chain' | 'compliance'
  >,
): {
  template_ancestors: string[];
  template_provenance?: TemplateProvenanceFact[];
  template_compliance?: Compliance;
  template_user_made?: boolean;
  template_s3_buckets?: string[];
} {
  const buckets = [...new Set((template.files ?? []).filter(isS3File).map((file) => file.s3_bucket))];
  return {
    template_ancestors: template.inheritance_chain.filter((slug) => slug !== template.slug),
    ...(buckets.length > 0 ? { template_s3_buckets: buckets } : {}),
    ...(template.user_made !== undefined ? { template_user_made: template.user_made } : {}),
    ...(template.provenance_chain ? { template_provenance: template.provenance_chain } : {}),
    ...(template.compliance ? { template_compliance: template.compliance } : {}),
  };
}

/**
 * The facts of a template by slug, as a launch would see them; none (so unknown, which a policy
 * that asks treats as denied) when it does not resolve. For the offline checks: policy test, what-if.
 */
export function templatePolicyFactsOf(
  slug: string,
  registry: TemplateRegistry,
): ReturnType<typeof templatePolicyFacts> | Record<string, never> {
  try {
    return templatePolicyFacts(resolveTemplate(slug, registry));
  } catch {
    return {};
  }
}
