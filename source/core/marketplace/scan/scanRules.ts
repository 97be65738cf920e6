import type { ScanSeverity } from './ScanFinding.js';

/** A scan rule: a pattern over one line of the template, and what to do about a match. */
export interface ScanRule {
  id: string;
  severity: ScanSeverity;
  pattern: RegExp;
  message: string;
  fix: string;
  /** The match is a secret: its text is masked in the report. */
  secret?: boolean;
  /** A line the rule matched but that is fine after all (e.g. a download followed by a checksum). */
  unless?: RegExp;
}

const DOWNLOAD = String.raw`\b(?:curl|wget)\b`;

/**
 * The rules `templates scan` applies, line by line. Patterns are kept narrow so that a finding is
 * worth reading; each has positive and negative fixtures in test/core/marketplace/scan.
 */
export const SCAN_RULES: readonly ScanRule[] = [
  {
    id: 'pipe-to-shell',
    severity: 'high',
    pattern: new RegExp(String.raw`${DOWNLOAD}[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b`),
    message: 'a download is piped straight into a shell: whatever the server sends runs as is',
    fix: 'download to a file, check its SHA-256 (sha256sum -c), then run it',
  },
  {
    id: 'private-key',
    severity: 'high',
    pattern: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/,
    message: 'a private key is embedded in the template',
    fix: 'remove it and rotate the key; fetch secrets at boot from SSM Parameter Store or Secrets Manager',
    secret: true,
  },
  {
    id: 'aws-secret',
    severity: 'high',
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|aws_secret_access_key\s*[=:]\s*\S{20,}/i,
    message: 'an AWS access key is embedded in the template',
    fix: 'remove it, deactivate the key, and let the workstation role grant access instead',
    secret: true,
  },
  {
    id: 'hard-coded-secret',
    severity: 'high',
    pattern: /\b(?:password|passwd|secret|token|api_key)\s*[=:]\s*["']?[^\s"'${}]{8,}/i,
    message: 'a password or token is written in the template',
    fix: 'take it from a template parameter or SSM Parameter Store at boot, never from the file',
    secret: true,
  },
  {
    id: 'disabled-auth',
    severity: 'high',
    pattern:
      /--(?:NotebookApp|ServerApp|IdentityProvider)\.token\s*=\s*['"]{2}|--auth(?:entication)?[= ](?:none|false)|PasswordAuthentication\s+yes|PermitRootLogin\s+yes|--disable-auth/i,
    message: 'authentication is switched off',
    fix: 'keep the token or password on; reach the service through the SSM/SSH tunnel cws-tui opens',
  },
  {
    id: 'sudo-nopasswd',
    severity: 'high',
    pattern: /NOPASSWD\s*:\s*ALL/,
    message: 'sudo without a password for everything',
    fix: 'grant the few commands needed, or use the sudo group the policy allows',
  },
  {
    id: 'chmod-777',
    severity: 'medium',
    pattern: /\bchmod\s+(?:-R\s+)?0?777\b|\bchmod\s+(?:-R\s+)?a\+rwx\b/,
    message: 'a path is made writable by every user',
    fix: 'give the owner or a group the access (chmod 750/770 with chgrp)',
  },
  {
    id: 'selinux-off',
    severity: 'medium',
    pattern: /\bsetenforce\s+0\b|SELINUX\s*=\s*disabled/,
    message: 'SELinux is switched off',
    fix: 'keep it enforcing and add the boolean or file context the software needs',
  },
  {
    id: 'firewall-off',
    severity: 'medium',
    pattern: /\b(?:ufw\s+disable|systemctl\s+(?:stop|disable)\s+firewalld|iptables\s+-F)\b/,
    message: 'the host firewall is switched off',
    fix: 'open only the port the service needs (ufw allow / firewall-cmd --add-port)',
  },
  {
    id: 'public-bind',
    severity: 'medium',
    pattern: /(?:--ip|--host|--bind|bind_address|listen)[= :]+["']?0\.0\.0\.0\b|--ip[= ]\*/,
    message: 'a service listens on every interface',
    fix: 'bind to 127.0.0.1 and reach it through the tunnel cws-tui opens',
  },
  {
    id: 'world-open-port',
    severity: 'high',
    pattern: /\b0\.0\.0\.0\/0\b|::\/0/,
    message: 'a port is opened to the whole internet',
    fix: 'allow the institution CIDR only, or use SSM with no inbound port',
  },
  {
    id: 'ip-literal-download',
    severity: 'medium',
    pattern: new RegExp(String.raw`${DOWNLOAD}\s[^\n]*\bhttps?://\d{1,3}(?:\.\d{1,3}){3}\b`),
    message: 'a download from a bare IP address (no name, no certificate to check)',
    fix: 'download from a named HTTPS host whose certificate is checked',
  },
  {
    id: 'plain-http',
    severity: 'medium',
    pattern: /\bhttp:\/\/(?!localhost\b|127\.0\.0\.1\b|169\.254\.169\.254\b|\[::1\])[^\s"']+/,
    message: 'a plain HTTP URL: anyone on the path can change what is fetched',
    fix: 'use https://',
  },
  {
    id: 'unchecked-download',
    severity: 'low',
    pattern: new RegExp(String.raw`${DOWNLOAD}\s[^\n|]*https?://`),
    message: 'a download whose content is not checked',
    fix: 'check it with sha256sum -c (or gpg --verify) right after',
    unless: /sha256sum|sha512sum|gpg\s+--verify|--checksum/,
  },
  {
    id: 'unpinned-download',
    severity: 'low',
    pattern: /https?:\/\/[^\s"']*\/(?:latest|master|main|nightly)(?:\/|\b)[^\s"']*/,
    message: 'a download of whatever is latest: the template gives different software tomorrow',
    fix: 'pin a version (a release tag or a commit) in the URL',
  },
];
