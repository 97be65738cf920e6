import { findInstanceType, listInstanceTypes } from '../catalog/instanceTypes.js';
import { type Discounts, serviceOfInstanceType } from '../cost/discounts.js';
import { hourlyPrice } from '../cost/priceTable.js';
import { DEFAULT_ROOT_VOLUME_GB } from '../launch/launchChecks.js';
import { evaluatePolicy } from './evaluatePolicy.js';
import type { PolicyRequest } from './PolicyRequest.js';
import type { PolicyVerdict } from './PolicyVerdict.js';
import type { Policy } from './policySchema.js';

/** Rules that need the live account (spend, running workstations): checked at launch, not here. */
const LIVE_RULES = ['monthly_budget', 'max_running_per_user'] as const;

/** A launch to test against a policy without an account: `policy test` and the policy viewer's form. */
export interface WhatIfLaunch {
  template_slug: string;
  /** The template's own root volume size, when it sets one. */
  template_root_volume_gb?: number;
  instance_type: string;
  region: string;
  spot: boolean;
  hibernation: boolean;
  root_volume_gb?: number;
  tags: Record<string, string>;
  /** The profile's discounts: the prices the launch would be checked with. */
  discounts?: Discounts;
  /** The template's ancestors and origin, as the launch would see them (templatePolicyFacts). */
  template_ancestors?: string[];
  template_user_made?: boolean;
}

export interface WhatIfResult {
  request: PolicyRequest;
  verdict: PolicyVerdict;
  /** The on-demand price from the bundled table (discounted), when it knows the type in the region. */
  hourly_cost?: number;
  /** What this offline check could not see (live rules, spot prices), after the verdict's own notes. */
  notes: string[];
}

/**
 * Evaluates a launch against a policy offline: the rules that need the live account are left out
 * (and said so), prices come from the bundled table, and suggestions from the instance catalog.
 */
export function testPolicyOffline(policy: Policy, launch: WhatIfLaunch): WhatIfResult {
  const request: PolicyRequest = {
    template_slug: launch.template_slug,
    instance_type: launch.instance_type,
    region: launch.region,
    spot: launch.spot,
    hibernation: launch.hibernation,
    service_type: launch.instance_type.startsWith('ml.') ? 'sagemaker' : 'ec2',
    root_volume_gb: launch.root_volume_gb ?? launch.template_root_volume_gb ?? DEFAULT_ROOT_VOLUME_GB,
    tags: launch.tags,
    ...(launch.template_ancestors !== undefined ? { template_ancestors: launch.template_ancestors } : {}),
    ...(launch.template_user_made !== undefined ? { template_user_made: launch.template_user_made } : {}),
  };
  const notes: string[] = [];
  const offlinePolicy: Policy = { ...policy };
  for (const rule of LIVE_RULES) {
    if (offlinePolicy[rule] === undefined) continue;
    delete offlinePolicy[rule];
    notes.push(`${rule} is checked at launch, against the account's live spend and workstations`);
  }
  const info = findInstanceType(launch.instance_type);
  const discounts = launch.discounts ?? {};
  const priceOf = (type: string) => hourlyPrice(type, launch.region, { discounts })?.usd_per_hour;
  const hourly = priceOf(launch.instance_type);
  const discount = discounts[serviceOfInstanceType(launch.instance_type)];
  if (discount) notes.push(`prices include the institution's ${discount}% discount`);
  if (launch.spot && hourly !== undefined && policy.spot_price_basis === 'current')
    notes.push('the on-demand price stands in for the current spot price, an upper bound');
  const verdict = evaluatePolicy(offlinePolicy, request, {
    ...(info ? { instance_type_info: info } : {}),
    ...(hourly !== undefined ? { hourly_cost: hourly, on_demand_hourly_cost: hourly } : {}),
    candidate_instance_types: listInstanceTypes(),
    candidate_hourly_cost: priceOf,
  });
  return { request, verdict, ...(hourly !== undefined ? { hourly_cost: hourly } : {}), notes };
}
