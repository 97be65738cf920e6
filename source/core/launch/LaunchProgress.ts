/** The launch pipeline's steps, in order. Every launch, from any screen or command, runs them. */
export const LAUNCH_STEPS = [
  'resolve-template',
  'estimate-cost',
  'check-policy',
  'resolve-image',
  'prepare-network',
  'render-user-data',
  'run-instance',
  'wait-running',
  'wait-ready',
  // The SageMaker pipeline's own steps (it shares the ones above that apply to it).
  'ensure-domain',
  'ensure-user-profile',
  'create-space',
  'create-app',
  'wait-in-service',
] as const;

export type LaunchStep = (typeof LAUNCH_STEPS)[number];

export interface LaunchProgress {
  step: LaunchStep;
  status: 'started' | 'done' | 'skipped' | 'failed';
  /** A short line for people, e.g. "m7i.large in us-east-1, $0.1008/h". */
  detail: string;
  at: string;
}

export const LAUNCH_STEP_LABELS: Record<LaunchStep, string> = {
  'resolve-template': 'Resolve template',
  'estimate-cost': 'Estimate cost',
  'check-policy': 'Check policy',
  'resolve-image': 'Resolve image',
  'render-user-data': 'Generate user data',
  'prepare-network': 'Network, key and storage',
  'run-instance': 'Run instance',
  'wait-running': 'Wait until running',
  'wait-ready': 'Wait until ready',
  'ensure-domain': 'Find or create the SageMaker domain',
  'ensure-user-profile': 'Find or create the user profile',
  'create-space': 'Create the space',
  'create-app': 'Create the app',
  'wait-in-service': 'Wait until in service',
};
