import { describe, expect, it } from 'vitest';
import type { TemplateProvenance } from '../../../source/core/marketplace/TemplateProvenance.js';
import { evaluateTemplateAccess } from '../../../source/core/policy/evaluateTemplateAccess.js';
import { narrowerThan } from '../../../source/core/policy/narrowerThan.js';
import { parsePolicy } from '../../../source/core/policy/parsePolicy.js';
import { templateApprovalViolations } from '../../../source/core/policy/templateApprovalViolations.js';
import { templateComplianceViolations } from '../../../source/core/policy/templateComplianceViolations.js';

const approved: TemplateProvenance = {
  state: 'approved',
  registry: 'lab',
  slug: 'r-lab',
  version: '1.0.0',
  publisher: 'Genomics Core',
  publisher_fingerprint: 'SHA256:abc',
  approver: 'RC',
  pinned: false,
  installed_at: '2026-12-01T00:00:00Z',
};

const builtin: TemplateProvenance = { state: 'builtin', signer: 'release', fingerprint: 'SHA256:rel' };

function approval(policy: object, provenance: TemplateProvenance | undefined) {
  return templateApprovalViolations(policy, {
    template_slug: 'r-lab',
    template_provenance: [{ slug: 'r-lab', ...(provenance ? { provenance } : {}) }],
  });
}

describe('templates.approved_only', () => {
  const rule = { templates: { approved_only: true } };

  it('admits an approved release and built-ins, refuses everything else with the reason', () => {
    expect(approval(rule, approved)).toEqual([]);
    expect(approval(rule, builtin)).toEqual([]);
    expect(approval(rule, { ...approved, state: 'submitted' })[0]?.message).toMatch(/awaiting approval/);
    expect(approval(rule, { ...approved, state: 'rejected' })[0]?.message).toMatch(/rejected by RC/);
    expect(approval(rule, { state: 'refused', reason: 'the template was altered' })[0]?.message).toMatch(
      /altered/,
    );
    expect(approval(rule, { state: 'local' })[0]?.message).toMatch(/local file that no approver signed/);
    expect(approval({ templates: { approved_only: true, allow_local: true } }, { state: 'local' })).toEqual(
      [],
    );
    const unknown = approval(rule, undefined)[0];
    expect(unknown?.unverified).toBe(true);
    expect(templateApprovalViolations(rule, { template_slug: 'x' })[0]?.actual).toBe('unknown');
  });

  it('limits registries and publishers, by name or fingerprint', () => {
    expect(
      approval({ templates: { approved_only: true, registries: ['other'] } }, approved)[0]?.message,
    ).toMatch(/registry 'lab', not one of other/);
    expect(
      approval({ templates: { approved_only: true, registries: ['lab'] } }, builtin)[0]?.message,
    ).toMatch(/built-in/);
    expect(approval({ templates: { approved_only: true, publishers: ['SHA256:abc'] } }, approved)).toEqual(
      [],
    );
    expect(
      approval({ templates: { approved_only: true, publishers: ['Imaging'] } }, approved)[0]?.message,
    ).toMatch(/publisher 'Genomics Core'/);
  });

  it('an ancestor that is not approved refuses the child', () => {
    const found = templateApprovalViolations(
      { templates: { approved_only: true } },
      {
        template_slug: 'child',
        template_provenance: [
          { slug: 'base', provenance: { state: 'local' } },
          { slug: 'child', provenance: approved },
        ],
      },
    );
    expect(found[0]?.message).toMatch(/'child' inherits 'base'/);
  });

  it('parses, dims in lists and cannot be dropped by a narrower policy', () => {
    const policy = parsePolicy('templates:\n  approved_only: true\n  registries: [lab]\n', 'p.yaml');
    expect(
      evaluateTemplateAccess(policy, 'r-lab', [{ slug: 'r-lab', provenance: { state: 'local' } }]),
    ).toMatchObject({
      allowed: false,
    });
    expect(narrowerThan({}, policy).ok).toBe(false);
    expect(narrowerThan(policy, policy).ok).toBe(true);
  });

  it('counts only reviews by the approver keys the policy names, which a narrower policy cannot widen', () => {
    const rc = `SHA256:${'A'.repeat(43)}`;
    const other = `SHA256:${'B'.repeat(43)}`;
    const rule = { templates: { approved_only: true, approvers: [rc] } };
    expect(approval(rule, { ...approved, approver_fingerprint: rc })).toEqual([]);
    expect(approval(rule, { ...approved, approver_fingerprint: other })[0]?.message).toMatch(
      /approved by 'RC' \(SHA256:B+\), who is not one of the approvers the policy names/,
    );
    // A name is only a label in the user's own trust file: it never stands for a key.
    expect(approval({ templates: { approved_only: true, approvers: ['RC'] } }, approved)).toHaveLength(1);
    expect(() => parsePolicy('templates:\n  approvers: [RC]\n', 'p.yaml')).toThrow(/key fingerprint/);
    expect(narrowerThan({ templates: { approved_only: true } }, rule).ok).toBe(false);
    expect(narrowerThan({ templates: { approved_only: true, approvers: [rc, other] } }, rule).ok).toBe(false);
    expect(narrowerThan(rule, rule).ok).toBe(true);
    const strict = { templates: { development_builtins: 'deny' as const } };
    expect(narrowerThan({}, strict).ok).toBe(false);
    expect(narrowerThan(strict, strict).ok).toBe(true);
  });
});

describe('template compliance at launch', () => {
  const base = { template_slug: 'phi', region: 'us-east-1' };

  it('no_public_ip is denied in a subnet that assigns public IPs, and when that is unknown', () => {
    const compliance = { controls: ['no_public_ip' as const] };
    expect(
      templateComplianceViolations({}, { ...base, template_compliance: compliance, launch_public_ip: false }),
    ).toEqual([]);
    expect(
      templateComplianceViolations(
        {},
        { ...base, template_compliance: compliance, launch_public_ip: true },
      )[0]?.message,
    ).toMatch(/promises no public IP, but the launch's subnet assigns public IPs/);
    expect(
      templateComplianceViolations({}, { ...base, template_compliance: compliance })[0]?.unverified,
    ).toBe(true);
  });

  it('regions and required frameworks', () => {
    expect(
      templateComplianceViolations({}, { ...base, template_compliance: { regions: ['eu-west-1'] } })[0]?.rule,
    ).toBe('compliance.regions');
    const policy = { templates: { required_frameworks: ['HIPAA'] } };
    expect(
      templateComplianceViolations(policy, { ...base, template_compliance: { frameworks: ['hipaa'] } }),
    ).toEqual([]);
    expect(templateComplianceViolations(policy, base)[0]?.message).toMatch(/does not claim HIPAA/);
  });
});
