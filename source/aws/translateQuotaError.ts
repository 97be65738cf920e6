import type { CloudError } from '../core/CloudError.js';
import { cloudErrorOf as error } from './cloudErrorOf.js';

/** A used-up quota, with the quota to raise where the app knows its name. */
export function translateQuotaError(name: string, message: string, where: string): CloudError {
  switch (name) {
    case 'VcpuLimitExceeded':
      return error(
        'quota',
        name,
        `Your vCPU quota for this instance family${where} is used up.`,
        'Stop or terminate a workstation, pick a smaller size, or request a higher "Running On-Demand instances" quota in Service Quotas (Amazon EC2).',
      );
    case 'MaxSpotInstanceCountExceeded':
      return error(
        'quota',
        name,
        `Your Spot quota${where} is used up.`,
        'Launch on demand instead, or request a higher "All Spot Instance Requests" quota in Service Quotas (Amazon EC2).',
      );
    default:
      return error(
        'quota',
        name,
        `An AWS quota${where} is used up: ${message}`,
        'Delete unused resources, or request a higher quota in the Service Quotas console.',
      );
  }
}
