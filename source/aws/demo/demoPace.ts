/**
 * How long the demo account's transitions take, in seconds at realistic pace. `CWS_DEMO_SPEED`
 * scales them: 1 is realistic (the default), 0 makes every transition immediate (tests, scripts).
 */
export const DEMO_DELAYS_SECONDS = {
  pendingToRunning: 20,
  stoppingToStopped: 15,
  hibernatingToStopped: 25,
  shuttingDownToTerminated: 10,
  provisioningStage: 4,
  fileSystemCreation: 8,
  /** A new EFS mount target, which the launch waits for (AWS takes one to two minutes). */
  mountTargetCreation: 12,
} as const;

export type DemoDelay = keyof typeof DEMO_DELAYS_SECONDS;

export function demoSpeed(env: NodeJS.ProcessEnv): number {
  const raw = env.CWS_DEMO_SPEED;
  if (raw === undefined || raw.trim() === '') return 1;
  const speed = Number(raw);
  return Number.isFinite(speed) && speed >= 0 ? speed : 1;
}

export function demoDelayMs(delay: DemoDelay, speed: number): number {
  return DEMO_DELAYS_SECONDS[delay] * 1000 * speed;
}
