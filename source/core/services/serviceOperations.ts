import { CloudError } from '../CloudError.js';
import type { WorkstationKind } from '../workstations/Workstation.js';
import type { ServiceKind } from './ServiceKind.js';

export const SERVICE_OPERATIONS = ['start', 'stop', 'hibernate', 'terminate', 'connect'] as const;
export type ServiceOperation = (typeof SERVICE_OPERATIONS)[number];

const CANVAS_HAS_NO_STOP =
  'Canvas has no stopped state: terminate logs it out, which ends its billing (models and datasets stay in the domain).';
const STUDIO_LAB_HAS_NO_LIFECYCLE =
  'Studio Lab has no AWS API: start and stop its sessions on its own web page (connect opens it).';

const UNSUPPORTED: Partial<Record<ServiceKind | WorkstationKind, Partial<Record<ServiceOperation, string>>>> =
  {
    'sagemaker-studio': {
      hibernate:
        'A SageMaker space cannot hibernate: stop deletes its app and keeps the space and its storage.',
    },
    'sagemaker-canvas': {
      start: 'Canvas starts when it is launched: launch it again after a terminate.',
      stop: CANVAS_HAS_NO_STOP,
      hibernate: CANVAS_HAS_NO_STOP,
    },
    'hpc-cluster': {
      hibernate: 'A cluster cannot hibernate: stop stops its compute fleet (the head node keeps running).',
      connect: 'Reach the head node with `cws-tui hpc connect <cluster>`.',
    },
    'emr-application': {
      hibernate: 'A Spark application cannot hibernate: stop releases its warm workers.',
      connect: 'Open its notebooks in EMR Studio: `cws-tui bigdata studio connect`.',
    },
    'emr-cluster': {
      start:
        'A terminated EMR cluster cannot start again: make a new one with `cws-tui bigdata cluster create`.',
      stop: 'An EMR cluster cannot stop: terminate it, or resize its core fleet with `cws-tui bigdata cluster resize`.',
      hibernate:
        'An EMR cluster cannot hibernate: terminate it when it is done (auto-termination does when idle).',
      connect: 'Open its notebooks in EMR Studio: `cws-tui bigdata studio connect`.',
    },
    'studio-lab': {
      start: STUDIO_LAB_HAS_NO_LIFECYCLE,
      stop: STUDIO_LAB_HAS_NO_LIFECYCLE,
      hibernate: STUDIO_LAB_HAS_NO_LIFECYCLE,
    },
  };

/**
 * Why a kind cannot do an operation, or undefined when it can. The UI shows the reason instead of
 * offering the key; the session refuses with the same words.
 */
export function unsupportedOperation(
  kind: ServiceKind | WorkstationKind,
  operation: ServiceOperation,
): string | undefined {
  return UNSUPPORTED[kind]?.[operation];
}

/** The error an operation a kind cannot do fails with, when it is asked for anyway. */
export function unsupportedOperationError(
  kind: ServiceKind | WorkstationKind,
  operation: ServiceOperation,
): CloudError {
  return new CloudError({
    kind: 'invalid-parameter',
    code: 'UnsupportedOperation',
    message: unsupportedOperation(kind, operation) ?? `a ${kind} cannot ${operation}`,
    hint: '',
  });
}
