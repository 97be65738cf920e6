import type { InstanceTypeInfo } from '../catalog/InstanceTypeInfo.js';

/**
 * The facts the caller knows about a request. evaluatePolicy stays pure: it never looks anything
 * up itself. A rule whose fact is missing denies (see evaluatePolicy).
 */
export interface PolicyContext {
  /** The Globus username linked to the launching research user; absent when none is (or is known). */
  globus_identity?: string;
  instance_type_info?: InstanceTypeInfo;
  /** USD per hour of the requested instance type in the requested region and purchase option. */
  hourly_cost?: number;
  /**
   * USD per hour of the type on demand: what a spot request's cost cap is checked against unless
   * the policy's spot_price_basis is `current` (a spot price can rise up to it after launch).
   */
  on_demand_hourly_cost?: number;
  month_to_date_spend?: number;
  /** This month's spend projected to month end, including the requested launch. */
  projected_month_spend?: number;
  /** Workstations the research user already has running. */
  running_count_for_user?: number;
  /** Instance types to pick suggestions from, usually the whole catalog. */
  candidate_instance_types?: InstanceTypeInfo[];
  /** USD per hour of a candidate instance type in the requested region, when known. */
  candidate_hourly_cost?: (instanceType: string) => number | undefined;
}
