import { describe, expect, it } from 'vitest';
import { laptopSshTarget, parseLaptopSshHost } from '../../../source/core/connect/laptopSshTarget.js';

describe('parseLaptopSshHost', () => {
  it('reads host, user@host, a port and a bracketed IPv6 address', () => {
    expect(parseLaptopSshHost('bastion.example.org')).toEqual({ login: 'bastion.example.org' });
    expect(parseLaptopSshHost('ana@bastion')).toEqual({ login: 'ana@bastion' });
    expect(parseLaptopSshHost('ana@203.0.113.5:2222')).toEqual({ login: 'ana@203.0.113.5', port: 2222 });
    expect(parseLaptopSshHost('bastion:22')).toEqual({ login: 'bastion' });
    expect(parseLaptopSshHost('ana@[2001:db8::1]:2200')).toEqual({ login: 'ana@[2001:db8::1]', port: 2200 });
  });

  it('refuses what ssh would read as options, spaces, bad ports and empty parts', () => {
    for (const bad of [
      '-oProxyCommand=x',
      'a b',
      'host:0',
      'host:70000',
      '@host',
      'ana@',
      '',
      'host:',
      'ho$t',
    ])
      expect(parseLaptopSshHost(bad), bad).toHaveProperty('problem');
  });
});

describe('laptopSshTarget', () => {
  it('prefers the configured address, adding the login name when it has none', () => {
    expect(
      laptopSshTarget({
        configured: { value: 'bastion.example.org', source: 'CWS_LAPTOP_SSH_HOST' },
        user: 'ana',
        ssh_connection: { host: '10.0.0.9' },
      }),
    ).toEqual({ login: 'ana@bastion.example.org' });
  });

  it('falls back to SSH_CONNECTION with a note, and gives nothing without either', () => {
    const guessed = laptopSshTarget({ user: 'ana', ssh_connection: { host: '10.0.0.9', port: 2200 } });
    expect(guessed).toMatchObject({ login: 'ana@10.0.0.9', port: 2200 });
    expect(guessed?.note).toContain('network use --laptop-host');
    expect(laptopSshTarget({ ssh_connection: { host: 'fe80::1' } })?.login).toBe('[fe80::1]');
    expect(laptopSshTarget({ ssh_connection: {} })).toBeUndefined();
  });
});
