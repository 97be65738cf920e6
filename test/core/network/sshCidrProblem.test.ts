import { describe, expect, it } from 'vitest';
import { sshCidrProblem } from '../../../source/core/network/sshCidrProblem.js';

describe('sshCidrProblem', () => {
  it('accepts a campus or a single address', () => {
    expect(sshCidrProblem('203.0.113.0/24')).toBeUndefined();
    expect(sshCidrProblem('198.51.100.7/32')).toBeUndefined();
    expect(sshCidrProblem('10.20.0.0/16')).toBeUndefined();
    expect(sshCidrProblem('2001:db8:1::/48')).toBeUndefined();
  });

  it('refuses the whole internet even with --force', () => {
    for (const cidr of ['0.0.0.0/0', '::/0']) {
      expect(sshCidrProblem(cidr)).toContain('whole internet');
      expect(sshCidrProblem(cidr, { force: true })).toContain('whole internet');
    }
  });

  it('refuses anything wider than a /16 (IPv4) or /48 (IPv6) unless forced', () => {
    expect(sshCidrProblem('128.0.0.0/1')).toContain('wider than a /16');
    expect(sshCidrProblem('10.0.0.0/8')).toContain('--force');
    expect(sshCidrProblem('10.0.0.0/8', { force: true })).toBeUndefined();
    expect(sshCidrProblem('2001:db8::/32')).toContain('wider than a /48');
  });

  it('says what a CIDR looks like for malformed input', () => {
    for (const cidr of [
      '10.0.0.300/8',
      '10.0.0.0',
      '10.0.0.0/33',
      'campus',
      '10.0.0.0/24/1',
      '10.0.0.0/-1',
    ]) {
      expect(sshCidrProblem(cidr)).toContain('is not a CIDR block');
    }
  });
});
