export type ScanSeverity = 'high' | 'medium' | 'low';

/** One thing a template does that an institution should look at, where it is and how to fix it. */
export interface ScanFinding {
  rule: string;
  severity: ScanSeverity;
  line: number;
  column: number;
  message: string;
  fix: string;
  /** The matched text, cut to a readable length; a secret's value is masked. */
  excerpt: string;
}

export interface ScanReport {
  findings: ScanFinding[];
  summary: { high: number; medium: number; low: number };
}

export function summarizeFindings(findings: readonly ScanFinding[]): ScanReport['summary'] {
  const count = (severity: ScanSeverity) =>
    findings.filter((finding) => finding.severity === severity).length;
  return { high: count('high'), medium: count('medium'), low: count('low') };
}
