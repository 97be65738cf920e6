import { type ScanFinding, type ScanReport, summarizeFindings } from './ScanFinding.js';
import { SCAN_RULES, type ScanRule } from './scanRules.js';

const EXCERPT_LENGTH = 80;

function excerptOf(rule: ScanRule, text: string): string {
  if (rule.secret) return `${text.slice(0, 4)}…(masked)`;
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH)}…` : text;
}

/**
 * Scans a template's text line by line against every rule. Pure: the same text gives the same
 * report. Findings are sorted by position; one rule reports a line once.
 */
export function scanTemplateText(text: string, rules: readonly ScanRule[] = SCAN_RULES): ScanReport {
  const findings: ScanFinding[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const rule of rules) {
      const match = rule.pattern.exec(line);
      if (!match) continue;
      if (rule.unless?.test(line)) continue;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        line: index + 1,
        column: match.index + 1,
        message: rule.message,
        fix: rule.fix,
        excerpt: excerptOf(rule, match[0]),
      });
    }
  });
  findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return { findings, summary: summarizeFindings(findings) };
}
