import type { ServiceHealth } from './ServiceHealth.js';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Whether a web service answers at `url` (through its tunnel, for a service on EC2). Every HTTP
 * answer below 500 counts, since a sign-in page or a redirect is a service that is up.
 */
export async function probeWebService(url: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<ServiceHealth> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.status < 500
      ? { status: 'healthy', detail: `answers (HTTP ${response.status})` }
      : { status: 'unhealthy', detail: `answers with HTTP ${response.status}` };
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return { status: 'unhealthy', detail: `does not answer (${cause})` };
  }
}
