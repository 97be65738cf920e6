import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';

export interface UserDataSection {
  name: string;
  bytes: number;
}

/** A generated boot script and what goes to EC2. */
export interface UserData {
  script: string;
  /** UTF-8 size of the script. */
  bytes: number;
  /** True when the payload is the gzip of the script (cloud-init unpacks it). */
  compressed: boolean;
  /** What RunInstances gets, before base64 (the AWS layer encodes it). */
  payload: Buffer;
  /** The script's parts and their sizes, largest first when the script is too big. */
  sections: UserDataSection[];
  /**
   * The secrets the instance makes at boot and stores under `/cws-tui/<instance-id>/<name>` in
   * Parameter Store, by name (jupyter, code-server, rstudio, desktop): never in the script.
   */
  service_secrets: string[];
  diagnostics: ProvisioningDiagnostic[];
}
