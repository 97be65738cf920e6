import { CloudError } from '../CloudError.js';
import { LaunchError } from './LaunchError.js';
import type { LaunchProgress, LaunchStep } from './LaunchProgress.js';

export interface LaunchStepRunner {
  /** Runs one step: emits started, then done with the detail, or failed with a LaunchError. */
  run<T>(step: LaunchStep, work: () => Promise<[T, string]>): Promise<T>;
  skip(step: LaunchStep, detail: string): void;
  /** News from inside a step still running (e.g. the boot script's stage). */
  update(step: LaunchStep, detail: string): void;
}

/** The progress events of every launch pipeline: the EC2 one and the services' alike. */
export function launchStepRunner(
  onProgress: (progress: LaunchProgress) => void,
  now: () => Date,
): LaunchStepRunner {
  const emit = (step: LaunchStep, status: LaunchProgress['status'], detail: string) =>
    onProgress({ step, status, detail, at: now().toISOString() });
  return {
    async run(step, work) {
      emit(step, 'started', '');
      try {
        const [value, detail] = await work();
        emit(step, 'done', detail);
        return value;
      } catch (error) {
        const failure = asLaunchError(step, error);
        emit(step, 'failed', failure.message);
        throw failure;
      }
    },
    skip(step, detail) {
      emit(step, 'skipped', detail);
    },
    update(step, detail) {
      emit(step, 'started', detail);
    },
  };
}

/** Any failure inside a step as a LaunchError at that step, a cloud error's hint kept. */
export function asLaunchError(step: LaunchStep, error: unknown): LaunchError {
  if (error instanceof LaunchError) return error;
  if (error instanceof CloudError) return new LaunchError(step, error.message, error.hint);
  return new LaunchError(step, error instanceof Error ? error.message : String(error));
}
