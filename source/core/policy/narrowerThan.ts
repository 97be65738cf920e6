import { analyticsWidening } from './analyticsWidening.js';
import { bigDataWidenings } from './bigDataWidenings.js';
import { globCovers } from './matchesGlob.js';
import { CAP_RULES, GLOB_RULES, type Policy } from './policySchema.js';

export interface NarrowingCheck {
  /** True when the child allows nothing that the parent forbids. */
  ok: boolean;
  /** One sentence per way the child is wider than the parent. */
  widened: string[];
}

/**
 * Whether `child` is the same as or narrower than `parent`: every request the child allows, the
 * parent allows too. Used to keep invitation chains from widening. The check is conservative: a
 * child deny pattern only counts if it covers a parent deny pattern outright.
 */
export function narrowerThan(child: Policy, parent: Policy): NarrowingCheck {
  const widened: string[] = [];

  for (const rule of GLOB_RULES) {
    const parentAllow = parent[rule]?.allow;
    const childAllow = child[rule]?.allow;
    if (parentAllow !== undefined) {
      if (childAllow === undefined) {
        widened.push(
          `${rule}.allow: the parent allows only ${listOrNothing(parentAllow)}, the child allows all`,
        );
      } else {
        for (const pattern of childAllow) {
          if (!parentAllow.some((outer) => globCovers(outer, pattern))) {
            widened.push(
              `${rule}.allow: '${pattern}' is not within the parent's ${listOrNothing(parentAllow)}`,
            );
          }
        }
      }
    }
    const childDeny = child[rule]?.deny ?? [];
    for (const pattern of parent[rule]?.deny ?? []) {
      if (!childDeny.some((outer) => globCovers(outer, pattern))) {
        widened.push(`${rule}.deny: the parent denies '${pattern}', the child does not`);
      }
    }
  }

  for (const rule of CAP_RULES) {
    const parentCap = parent[rule];
    const childCap = child[rule];
    if (parentCap === undefined) continue;
    if (childCap === undefined)
      widened.push(`${rule}: the parent caps it at ${parentCap}, the child has no cap`);
    else if (childCap > parentCap) widened.push(`${rule}: ${childCap} is above the parent's ${parentCap}`);
  }

  if (parent.templates?.approved_only && !child.templates?.approved_only) {
    widened.push('templates.approved_only: the parent allows only approved templates, the child does not');
  }
  if (parent.templates?.approved_only && child.templates?.allow_local && !parent.templates.allow_local) {
    widened.push('templates.allow_local: the parent refuses unsigned local templates, the child allows them');
  }
  const parentApprovers = parent.templates?.approvers;
  if (parentApprovers !== undefined) {
    const extra = (child.templates?.approvers ?? ['(anyone)']).filter((a) => !parentApprovers.includes(a));
    if (extra.length > 0)
      widened.push(
        `templates.approvers: the parent names ${parentApprovers.join(', ')}, the child also ${extra.join(', ')}`,
      );
  }
  if (parent.templates?.development_builtins === 'deny' && child.templates?.development_builtins !== 'deny') {
    widened.push(
      'templates.development_builtins: the parent refuses development-signed built-ins, the child does not',
    );
  }
  if (parent.spot === 'required' && child.spot !== 'required') {
    widened.push(`spot: the parent requires spot, the child has '${child.spot ?? 'allowed'}'`);
  }
  if (parent.spot === 'forbidden' && child.spot !== 'forbidden') {
    widened.push(`spot: the parent forbids spot, the child has '${child.spot ?? 'allowed'}'`);
  }
  if (parent.hibernation === 'required' && child.hibernation !== 'required') {
    widened.push(`hibernation: the parent requires it, the child has '${child.hibernation ?? 'optional'}'`);
  }

  if (parent.service_types !== undefined) {
    const parentTypes = parent.service_types;
    if (child.service_types === undefined) {
      widened.push(
        `service_types: the parent allows only ${listOrNothing(parentTypes)}, the child allows all`,
      );
    } else {
      for (const type of child.service_types.filter((serviceType) => !parentTypes.includes(serviceType))) {
        widened.push(`service_types: '${type}' is not among the parent's ${listOrNothing(parentTypes)}`);
      }
    }
  }

  if (parent.spot_price_basis !== 'current' && child.spot_price_basis === 'current') {
    widened.push(
      'spot_price_basis: the parent holds spot to the on-demand price, the child to the current one',
    );
  }
  if (parent.user_templates === 'deny' && child.user_templates !== 'deny') {
    widened.push("user_templates: the parent denies the user's own templates, the child does not");
  }
  if (child.allowed_groups !== undefined) {
    const parentGroups = parent.allowed_groups ?? [];
    for (const group of child.allowed_groups.filter((name) => !parentGroups.includes(name))) {
      widened.push(`allowed_groups: '${group}' is not among the parent's ${listOrNothing(parentGroups)}`);
    }
  }

  if (parent.require_globus_identity && !child.require_globus_identity) {
    widened.push('require_globus_identity: the parent requires a linked Globus identity, the child does not');
  }

  const childTags = child.required_tags ?? [];
  for (const tag of parent.required_tags ?? []) {
    if (!childTags.includes(tag))
      widened.push(`required_tags: the parent requires '${tag}', the child does not`);
  }

  widened.push(...bigDataWidenings(child, parent));
  widened.push(...analyticsWidening(child, parent));

  return { ok: widened.length === 0, widened };
}

function listOrNothing(values: readonly string[]): string {
  return values.length === 0 ? 'nothing' : values.join(', ');
}
