/** The demo account's pace is simulated: poll it often so that progress shows at once. */
export const DEMO_POLLING = { intervalMs: 250, runningTimeoutMs: 5 * 60_000, readyTimeoutMs: 30 * 60_000 };
export const DEMO_STUDIO_POLLING = { intervalMs: 250, timeoutMs: 5 * 60_000 };
