import type { StudioStatus } from '../../core/ports.js';

const STATUSES = new Set<string>([
  'Pending',
  'InService',
  'Updating',
  'Deleting',
  'Deleted',
  'Failed',
  'Update_Failed',
  'Delete_Failed',
]);

/** SageMaker's status strings; an unknown one (a newer API) reads as Pending rather than failing. */
export function studioStatus(status: string | undefined): StudioStatus {
  return status && STATUSES.has(status) ? (status as StudioStatus) : 'Pending';
}
