import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { LaunchWizardState } from './LaunchWizardState.js';

/** The launch the wizard's values ask for: what the review previews and Enter launches. */
export function wizardLaunchRequest(state: LaunchWizardState): LaunchRequest | undefined {
  const template = state.template;
  if (!template) return undefined;
  const ec2 = template.kind === 'ec2';
  const tags = Object.fromEntries(
    Object.entries(state.tags).flatMap(([key, value]) => (value.trim() === '' ? [] : [[key, value.trim()]])),
  );
  const { project, ...otherTags } = tags;
  return {
    template: template.slug,
    name: state.name,
    spot: ec2 && state.spot,
    hibernation: ec2 && state.hibernation,
    ...(state.size ? { size: state.size } : {}),
    ...(state.instance_type ? { instance_type: state.instance_type } : {}),
    ...(ec2 && state.root_volume !== '' ? { root_volume_gb: Number(state.root_volume) } : {}),
    ...(ec2 && state.efs ? { efs: { file_system_id: state.efs } } : {}),
    ...(project ? { project } : {}),
    ...(Object.keys(otherTags).length > 0 ? { tags: otherTags } : {}),
    ...(ec2 && state.wait_ready ? { wait_ready: true } : {}),
    ...(ec2 && state.parameters && Object.keys(state.parameters).length > 0
      ? { parameters: { ...state.parameters } }
      : {}),
  };
}
