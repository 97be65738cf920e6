/** Changes to an existing instance that do not relaunch it. */
export interface InstanceChangePort {
  /** The instance must be stopped: EC2 refuses a type change on a running instance. */
  modifyInstanceType(region: string, instanceId: string, instanceType: string): Promise<void>;
  tagInstances(region: string, instanceIds: string[], tags: Record<string, string>): Promise<void>;
  untagInstances(region: string, instanceIds: string[], keys: string[]): Promise<void>;
}
