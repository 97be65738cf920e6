/**
 * Names of the app's SageMaker resources. SageMaker names are letters, digits and single-or-more
 * hyphens between them (`^[a-zA-Z0-9](-*[a-zA-Z0-9])*$`), so `.` and `_` become `-`.
 */

/** The one domain the app creates per region (or finds again). */
export const STUDIO_DOMAIN_NAME = 'cws-tui';

function sageMakerName(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '');
}

/** One user profile per research user. */
export function studioUserProfileName(username: string): string {
  return `cws-${sageMakerName(username)}`;
}

/** A space is named after the workstation name the user chose. */
export function studioSpaceName(workstationName: string): string {
  return sageMakerName(workstationName);
}

/** The row id of a service: unique across the account, stable across refreshes. */
export function studioSpaceRowId(domainId: string, space: string): string {
  return `${domainId}/space/${space}`;
}

export function canvasRowId(domainId: string, profile: string): string {
  return `${domainId}/canvas/${profile}`;
}
