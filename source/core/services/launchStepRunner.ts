import { CloudError } from '../CloudError.js';
import { LaunchError } from '../launch/LaunchError.js';
import type { LaunchProgress, LaunchStep } from '../launch/LaunchProgress.js';

export interface LaunchStepRunner {
  /** Runs one step: emits started, then done with the detail, or failed with a LaunchError. */
  run<T>(step: LaunchStep, work: () => Promise<[T, string]>): Promise<T>;
  skip(step: LaunchStep, detail: string): void;
}

/** The same progress events the EC2 pipeline emits, for the services' pipelines. */
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
  };
}

function asLaunchError(step: LaunchStep, error: unknown): LaunchError {
  if (error instanceof LaunchError) return error;
  if (error instanceof CloudError) return new LaunchError(step, error.message, error.hint);
  return new LaunchError(step, error instanceof Error ? error.message : String(error));
}
