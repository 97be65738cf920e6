/** What an EMR request asks for, as the policy sees it (on PolicyRequest.bigdata). */
export interface BigDataPolicyFacts {
  kind: 'emr-serverless' | 'emr-cluster' | 'emr-studio' | 'emr-job';
  /** The application's maximum capacity, or the cluster at its largest scale. */
  max_vcpus: number;
  max_memory_gb: number;
  /** Idle minutes before auto-stop (applications) or auto-termination (clusters); absent: never. */
  auto_stop_idle_minutes?: number;
  /** The data buckets the job role is granted or a job names. */
  data_buckets: string[];
  /** A cluster's instance types (the policy's instance_types rule applies to each). */
  instance_types: string[];
}
