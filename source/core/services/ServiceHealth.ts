/**
 * Whether a service answers: for SageMaker, its app's status; for a web service on EC2, the boot
 * script's readiness marker. `unknown` is honest about services the app cannot observe.
 */
export interface ServiceHealth {
  status: 'healthy' | 'starting' | 'unhealthy' | 'stopped' | 'unknown';
  detail: string;
}
