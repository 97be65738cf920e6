import { z } from 'zod';
import { budgetSchema } from '../cost/Budget.js';
import { discountsSchema } from '../cost/discounts.js';
import { policyChainLinkSchema } from '../identity/policyChain.js';
import { globusIdentitySchema } from '../identity/researchUserSchema.js';
import { policySchema } from '../policy/policySchema.js';
import { lazySchema } from '../schema/lazySchema.js';
import { POSIX_NAME_PATTERN } from '../templates/templateSchema.js';

export const PROFILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** A DynamoDB table name, as `--team-store` and CWS_TEAM_STORE name the lab's team store. */
export const TEAM_TABLE_PATTERN = /^[A-Za-z0-9_.-]{3,255}$/;

/**
 * A cws-tui profile: which AWS profile and region to use, as which research user, under which
 * policy. Credentials stay in ~/.aws; only the AWS profile's name is kept here.
 */
export const profileSchema = lazySchema(() =>
  z.strictObject({
    name: z
      .string()
      .regex(PROFILE_NAME_PATTERN, 'a profile name is letters, digits, ".", "_" or "-" (max 64)'),
    aws_profile: z.string().min(1, 'the AWS profile name cannot be empty'),
    aws_account_id: z
      .string()
      .regex(/^\d{12}$/, 'an AWS account id is 12 digits')
      .optional(),
    region: z.string().regex(REGION_PATTERN, 'a region looks like us-east-1'),
    research_user: z.string().regex(POSIX_NAME_PATTERN, 'not a valid POSIX username').optional(),
    policy: policySchema,
    /** How the policy was handed down, root first; empty for a personal profile. */
    policy_chain: z.array(policyChainLinkSchema),
    /** The monthly budget in the cost engine's format (thresholds and the action of each). */
    budget: budgetSchema.optional(),
    /** The institution's discount per service, applied to every price shown and estimated. */
    discounts: discountsSchema.optional(),
    /** Show billed spend from Cost Explorer next to the estimates (each refresh past 6 h costs $0.01). */
    cost_explorer: z.boolean().optional(),
    kind: z.enum(['personal', 'invited']),
    role: z.enum(['admin', 'member']),
    /** Whether this profile may invite others (with the same or a narrower policy). */
    can_invite: z.boolean(),
    invitation_id: z.string().optional(),
    /** The DynamoDB table the lab shares (users, UIDs, invitations, leases, budgets); local without one. */
    team_store: z
      .string()
      .regex(TEAM_TABLE_PATTERN, 'a DynamoDB table name is 3-255 letters, digits, "_", "." or "-"')
      .optional(),
    /**
     * The signed invitation this profile was accepted from: the truth about its kind, policy, budget
     * and right to invite. The fields above are a cache of it that can never widen it.
     */
    invitation_token: z.string().min(1).optional(),
    /** The verified Globus identity the invitation required, recorded when it was accepted. */
    globus_identity: globusIdentitySchema.optional(),
    created_at: z.string().min(1),
  }),
);
export type Profile = z.infer<typeof profileSchema>;
