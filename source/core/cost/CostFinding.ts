import type { CloudAccount } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';

/**
 * One way to spend less, from any service: what it is about, what is wrong, what it saves a month
 * (when the rule can say) and the command that fixes it.
 */
export interface CostFinding {
  /** The service, as in the cost report: "FSx", "EFS", "EMR", "ParallelCluster". */
  service: string;
  /** The resource's name (and id when it differs). */
  resource: string;
  /** The rule's own kind: "idle-file-system", "no-auto-termination" … */
  kind: string;
  /** What is wrong, in the rule's words. */
  what: string;
  /** The monthly saving in USD; absent when the rule cannot price it. */
  monthly_saving_usd?: number;
  /** The command (or template change) that fixes it. */
  fix: string;
}

/** What a finding source may read: the account, its regions, the clock and the workstations. */
export interface FindingContext {
  account: CloudAccount;
  regions: readonly string[];
  now: Date;
  /** The session's workstations (which mount which file system), read only by a source that needs them. */
  workstations(): Promise<Workstation[]>;
}

/**
 * One capability's findings: a thin adapter over that capability's own rules, never a second
 * implementation of them. A source that fails is a note in the findings list, not a crash.
 */
export interface CostFindingSource {
  /** The service named in a note when it fails: "EMR". */
  service: string;
  list(context: FindingContext): Promise<CostFinding[]>;
}
