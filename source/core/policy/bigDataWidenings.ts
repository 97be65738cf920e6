import { globCovers } from './matchesGlob.js';
import type { Policy } from './policySchema.js';

/** How a child policy's `bigdata` rules are wider than its parent's: one sentence each. */
export function bigDataWidenings(child: Policy, parent: Policy): string[] {
  const outer = parent.bigdata;
  if (!outer) return [];
  const inner = child.bigdata ?? {};
  const widened: string[] = [];
  for (const rule of ['max_vcpus', 'max_memory_gb', 'max_idle_minutes'] as const) {
    const cap = outer[rule];
    if (cap === undefined) continue;
    const childCap = inner[rule];
    if (childCap === undefined)
      widened.push(`bigdata.${rule}: the parent caps it at ${cap}, the child has no cap`);
    else if (childCap > cap) widened.push(`bigdata.${rule}: ${childCap} is above the parent's ${cap}`);
  }
  if (outer.require_auto_stop && !inner.require_auto_stop)
    widened.push('bigdata.require_auto_stop: the parent requires auto-stop, the child does not');
  const parentAllow = outer.data_buckets?.allow;
  if (parentAllow !== undefined) {
    const childAllow = inner.data_buckets?.allow;
    if (childAllow === undefined) widened.push('bigdata.data_buckets.allow: the child allows every bucket');
    else
      for (const pattern of childAllow.filter((p) => !parentAllow.some((o) => globCovers(o, p))))
        widened.push(`bigdata.data_buckets.allow: '${pattern}' is not within the parent's allow list`);
  }
  for (const pattern of outer.data_buckets?.deny ?? [])
    if (!(inner.data_buckets?.deny ?? []).some((o) => globCovers(o, pattern)))
      widened.push(`bigdata.data_buckets.deny: the parent denies '${pattern}', the child does not`);
  return widened;
}
