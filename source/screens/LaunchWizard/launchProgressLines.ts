import {
  LAUNCH_STEP_LABELS,
  LAUNCH_STEPS,
  type LaunchProgress,
  type LaunchStep,
} from '../../core/launch/LaunchProgress.js';
import type { WizardTemplateKind } from './LaunchWizardState.js';

export type ProgressLineStatus = 'waiting' | LaunchProgress['status'];

/** One step of the pipeline as the launching page shows it: its latest status and detail. */
export interface ProgressLine {
  step: LaunchStep;
  label: string;
  status: ProgressLineStatus;
  detail: string;
}

/** The EC2 pipeline's steps; the managed services' pipelines name theirs as they go. */
const EC2_STEPS = LAUNCH_STEPS.slice(0, LAUNCH_STEPS.indexOf('wait-ready') + 1);

/**
 * Every step of an EC2 launch, in order, waiting until its first event; for a managed service
 * only the steps it reported. A step's latest event wins; a `started` event without a detail
 * keeps the detail the step had.
 */
export function launchProgressLines(
  progress: readonly LaunchProgress[],
  kind: WizardTemplateKind,
): ProgressLine[] {
  const latest = new Map<LaunchStep, LaunchProgress>();
  for (const event of progress) {
    const before = latest.get(event.step);
    latest.set(event.step, event.detail === '' && before ? { ...event, detail: before.detail } : event);
  }
  const steps = kind === 'ec2' ? EC2_STEPS : LAUNCH_STEPS.filter((step) => latest.has(step));
  return steps.map((step) => {
    const event = latest.get(step);
    return {
      step,
      label: LAUNCH_STEP_LABELS[step],
      status: event?.status ?? 'waiting',
      // The pipeline speaks to the command line; here the same choice is a toggle of the wizard.
      detail: (event?.detail ?? '').replace('(use --wait-ready)', '(the "Wait for setup" option waits)'),
    };
  });
}

export const PROGRESS_MARKS: Record<ProgressLineStatus, string> = {
  waiting: '·',
  started: '…',
  done: '✓',
  skipped: '-',
  failed: '✗',
};
