import { evaluateTemplateAccess, type TemplateAccess } from '../../core/policy/evaluateTemplateAccess.js';
import type { Policy } from '../../core/policy/policySchema.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { matchesTemplateFilter } from '../Templates/templateSummary.js';
import type { WizardTemplateKind } from './LaunchWizardState.js';

/** A template as the wizard's first page lists it: whether the policy lets it be launched, and why not. */
export interface TemplateChoice {
  template: ResolvedTemplate;
  access: TemplateAccess;
  kind: WizardTemplateKind;
}

export function wizardTemplateKind(template: ResolvedTemplate): WizardTemplateKind {
  return template.service_config ? 'service' : 'ec2';
}

/**
 * The templates the wizard offers, those the policy allows first; forbidden ones stay listed (with
 * the reason) so that nobody wonders where a template went.
 */
export function templateChoices(templates: readonly ResolvedTemplate[], policy: Policy): TemplateChoice[] {
  return templates
    .filter((template) => !template.cluster_config) // clusters are made on the HPC page
    .map((template) => ({
      template,
      access: evaluateTemplateAccess(policy, template.slug, template.provenance_chain),
      kind: wizardTemplateKind(template),
    }))
    .sort(
      (a, b) =>
        Number(b.access.allowed) - Number(a.access.allowed) || a.template.slug.localeCompare(b.template.slug),
    );
}

export function filterTemplateChoices(choices: readonly TemplateChoice[], filter: string): TemplateChoice[] {
  return choices.filter((choice) => matchesTemplateFilter(choice.template, filter));
}

/** A first name for the workstation: the template's slug and the lowest number no live one uses. */
export function suggestWorkstationName(slug: string, takenNames: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = `${slug.slice(0, 58)}-${n}`;
    if (!takenNames.has(name)) return name;
  }
}
