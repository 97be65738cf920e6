import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import type { PolicyVerdict } from '../../core/policy/PolicyVerdict.js';

/** The wizard's pages, in order; launching, done and failed follow the review. */
export type WizardStep =
  | 'template'
  | 'size'
  | 'storage'
  | 'parameters'
  | 'options'
  | 'review'
  | 'launching'
  | 'done'
  | 'failed';

/** EC2 workstations get every page; managed web services have no storage, and some no sizes. */
export type WizardTemplateKind = 'ec2' | 'service';

/** The toggles of the options page of an EC2 launch, after the name and the tags. */
export const OPTION_TOGGLES = ['spot', 'hibernation', 'wait_ready'] as const;
export type OptionToggle = (typeof OPTION_TOGGLES)[number];
/** A field of the options page: the name, a tag (`tag:project`), or a toggle. */
export type OptionField = 'name' | `tag:${string}` | OptionToggle;

/** The tag a field edits, or undefined for the name and the toggles. */
export function tagOfField(field: OptionField): string | undefined {
  return field.startsWith('tag:') ? field.slice(4) : undefined;
}

export interface WizardFailure {
  message: string;
  hint?: string;
  /** The pipeline step it stopped at, as people read it. */
  step?: string;
  verdict?: PolicyVerdict;
}

/** Everything entered so far; stepping back keeps all of it. */
export interface LaunchWizardState {
  step: WizardStep;
  template?: { slug: string; kind: WizardTemplateKind; has_sizes: boolean; has_parameters?: boolean };
  /** Values typed or chosen for the template's parameters, by name (defaults are not copied). */
  parameters?: Readonly<Record<string, string>>;
  /** The focused field of the parameters page. */
  parameter_field?: number;
  /** The chosen size of the template, or an instance type from the catalog (one of the two). */
  size?: string;
  instance_type?: string;
  /** The root volume in GB as typed; '' keeps the template's default. */
  root_volume: string;
  efs?: string;
  name: string;
  spot: boolean;
  hibernation: boolean;
  /** Wait for the boot script to report ready, not only for the instance to run. */
  wait_ready: boolean;
  /** Tags typed on the options page: the project and whatever the policy requires. */
  tags: Readonly<Record<string, string>>;
  option_field: OptionField;
  /** Why the page cannot be left yet (a bad name or size), shown under its fields. */
  problem?: string;
  /** An admin's reason to launch what the policy denies (audited); set while it is being typed. */
  override_reason?: string;
  progress: LaunchProgress[];
  launched?: { id: string; name: string; state: string };
  failure?: WizardFailure;
}
