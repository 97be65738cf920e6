import { OperationError } from '../operations/OperationError.js';
import { evaluatePolicy } from '../policy/evaluatePolicy.js';
import type { Policy } from '../policy/policySchema.js';
import type {
  QuickSightEdition,
  QuickSightPort,
  QuickSightRole,
  QuickSightUserSpec,
} from './quickSightPorts.js';
import { QUICKSIGHT_ENABLE_COST, quickSightUserMonthly } from './quickSightPricing.js';

/** Roles that take an author seat (the policy's quicksight_author_seats counts these). */
const AUTHOR_ROLES: readonly QuickSightRole[] = ['ADMIN', 'AUTHOR', 'ADMIN_PRO', 'AUTHOR_PRO'];

export interface QuickSightRegistrationPlan {
  spec: QuickSightUserSpec;
  edition: QuickSightEdition;
  /** What the new user adds to the monthly bill, said before anyone is registered. */
  monthly_usd: number;
  /** Authors the account would have afterwards. */
  author_seats: number;
}

/**
 * Checks a registration before it is made: the account must be subscribed, and the one policy
 * evaluation must allow QuickSight in the region and the author seats it would leave. Fails closed:
 * a subscription that cannot be read stops it.
 */
export async function planQuickSightRegistration(
  quicksight: QuickSightPort,
  scope: { policy: Policy; account_id: string; region: string },
  spec: QuickSightUserSpec,
): Promise<QuickSightRegistrationPlan> {
  const subscription = await quicksight.subscription(scope.account_id, scope.region);
  if (subscription.status !== 'active')
    throw new OperationError(
      'refused',
      subscription.status === 'none'
        ? `account ${scope.account_id} has no QuickSight subscription, so no user can be registered`
        : `the account's QuickSight subscription is ${subscription.status}, so no user can be registered`,
      `Enabling it costs: ${QUICKSIGHT_ENABLE_COST}. An administrator signs up at https://quicksight.aws.amazon.com/.`,
    );
  const users = await quicksight.listUsers(scope.account_id, scope.region);
  const authors = users.filter((user) => AUTHOR_ROLES.includes(user.role)).length;
  const author_seats = authors + (spec.role === 'AUTHOR' ? 1 : 0);
  const verdict = evaluatePolicy(
    scope.policy,
    { kind: 'analytics', service: 'quicksight', region: scope.region, author_seats },
    {},
  );
  if (!verdict.allowed)
    throw new OperationError(
      'denied',
      `the policy does not allow registering this ${spec.role.toLowerCase()}: ${verdict.violations.map((v) => v.message).join('; ')}`,
      spec.role === 'AUTHOR'
        ? 'Register them as a reader, or ask your administrator for another author seat.'
        : 'Ask your administrator (`cws-tui policy show` shows the analytics section).',
    );
  return {
    spec,
    edition: subscription.edition,
    monthly_usd: quickSightUserMonthly(subscription.edition, spec.role),
    author_seats,
  };
}
