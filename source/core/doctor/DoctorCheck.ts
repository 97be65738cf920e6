/** One line of `cws-tui doctor`: what was checked, how it went, and what to do about it. */
export interface DoctorCheck {
  name: string;
  status: 'ok' | 'warning' | 'failing';
  detail: string;
  fix?: string;
}

/** What `doctor` asks of AWS beyond the session's ports (IAM simulation, quotas, the Price List). */
export interface DoctorProbes {
  /** Whether each action is allowed for the principal; rejects when simulation itself is refused. */
  simulate(principalArn: string, actions: string[]): Promise<Record<string, boolean>>;
  /**
   * Whether the caller may do `action` in the region, by a dry run (EC2's DryRun) or a harmless
   * read; undefined when neither can tell (the action has no dry run, or the answer was another error).
   */
  dryRun(region: string, action: string, subnetId?: string): Promise<boolean | undefined>;
  /** A Service Quotas value (vCPUs), undefined when the quota is unknown in the region. */
  quota(region: string, serviceCode: string, quotaCode: string): Promise<number | undefined>;
  /** One small Price List query. */
  priceList(): Promise<void>;
}

/** An assumed-role session ARN as the role's IAM ARN, which IAM can simulate (roles at the root path). */
export function simulatablePrincipal(arn: string): string {
  const assumed = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : arn;
}

/** Runs one check; an unexpected failure is a failing check, never a crash of the report. */
export async function check(
  name: string,
  run: () => Promise<Omit<DoctorCheck, 'name'>>,
): Promise<DoctorCheck> {
  try {
    return { name, ...(await run()) };
  } catch (error) {
    const hint = (error as { hint?: unknown }).hint;
    return {
      name,
      status: 'failing',
      detail: error instanceof Error ? error.message : String(error),
      ...(typeof hint === 'string' && hint ? { fix: hint } : {}),
    };
  }
}
