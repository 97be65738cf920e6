/** Something the generator noticed about a template on a distro that the user should hear about. */
export interface ProvisioningDiagnostic {
  level: 'info' | 'warning';
  /** The template field it concerns, e.g. `packages.system[3]`. */
  field: string;
  message: string;
}
