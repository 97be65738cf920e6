import { describe, expect, it } from 'vitest';
import { SCAN_RULES } from '../../../source/core/marketplace/scan/scanRules.js';
import { scanTemplateText } from '../../../source/core/marketplace/scan/scanTemplateText.js';

/** For each rule: lines it must flag and lines it must leave alone. */
const FIXTURES: Record<string, { positive: string[]; negative: string[] }> = {
  'pipe-to-shell': {
    positive: [
      'curl -fsSL https://get.example.org/install.sh | sh',
      'wget -qO- https://x.example/i | sudo bash',
    ],
    negative: ['curl -fsSLo /tmp/i.sh https://get.example.org/install.sh', 'echo hi | sh'],
  },
  'private-key': {
    positive: ['-----BEGIN OPENSSH PRIVATE KEY-----', '-----BEGIN PRIVATE KEY-----'],
    negative: ['-----BEGIN PUBLIC KEY-----', 'ssh-ed25519 AAAAC3Nza mine'],
  },
  'aws-secret': {
    positive: [
      'AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP',
      'aws_secret_access_key = abcdefghijklmnopqrstuvwxyz012345',
    ],
    negative: ['AWS_REGION=us-east-1', 'akia is not a key'],
  },
  'hard-coded-secret': {
    positive: ['password: hunter22hunter', 'api_key=0123456789abcdef'],
    negative: ['password: {{password}}', 'token: short'],
  },
  'disabled-auth': {
    positive: ["jupyter lab --ServerApp.token=''", 'PasswordAuthentication yes', 'code-server --auth none'],
    negative: ['PasswordAuthentication no', 'code-server --auth password'],
  },
  'sudo-nopasswd': {
    positive: ['echo "alice ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/alice'],
    negative: ['echo "alice ALL=(ALL) NOPASSWD: /usr/bin/systemctl restart rstudio-server"'],
  },
  'chmod-777': {
    positive: ['chmod 777 /data', 'chmod -R a+rwx /shared'],
    negative: ['chmod 750 /data', 'chmod 0755 /opt/tool'],
  },
  'selinux-off': {
    positive: ['setenforce 0', "sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config"],
    negative: ['setenforce 1', 'SELINUX=enforcing'],
  },
  'firewall-off': {
    positive: ['ufw disable', 'systemctl disable firewalld'],
    negative: ['ufw allow 8787/tcp', 'systemctl enable firewalld'],
  },
  'public-bind': {
    positive: ['jupyter lab --ip=0.0.0.0', 'rserver --www-address --host 0.0.0.0'],
    negative: ['jupyter lab --ip=127.0.0.1', 'listen 127.0.0.1:8080'],
  },
  'world-open-port': {
    positive: ['cidr: 0.0.0.0/0', 'ingress ::/0'],
    negative: ['cidr: 10.0.0.0/16', 'cidr: 0.0.0.0/8 reserved'],
  },
  'ip-literal-download': {
    positive: ['curl -o x.tgz https://203.0.113.7/x.tgz'],
    negative: ['curl -o x.tgz https://downloads.example.org/x.tgz', 'ping 203.0.113.7'],
  },
  'plain-http': {
    positive: ['wget http://mirror.example.org/pkg.tgz'],
    negative: [
      'wget https://mirror.example.org/pkg.tgz',
      'curl http://localhost:8888/api',
      'curl http://169.254.169.254/latest/meta-data',
    ],
  },
  'unchecked-download': {
    positive: ['curl -fsSLo tool.tgz https://example.org/tool-1.2.tgz'],
    negative: [
      'curl -fsSLo tool.tgz https://example.org/tool-1.2.tgz && echo "abc  tool.tgz" | sha256sum -c',
    ],
  },
  'unpinned-download': {
    positive: [
      'https://github.com/org/tool/releases/latest/download/tool.tgz',
      'https://raw.example.org/repo/main/setup.sh',
    ],
    negative: ['https://github.com/org/tool/releases/download/v1.2.3/tool.tgz'],
  },
};

describe('scan rules', () => {
  it('every rule has fixtures', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(SCAN_RULES.map((rule) => rule.id).sort());
  });

  for (const rule of SCAN_RULES) {
    const fixtures = FIXTURES[rule.id];
    it(`${rule.id}: flags its positive fixtures and leaves the negative ones`, () => {
      for (const line of fixtures?.positive ?? []) {
        const found = scanTemplateText(line).findings.filter((finding) => finding.rule === rule.id);
        expect(found, `${rule.id} should flag: ${line}`).toHaveLength(1);
        expect(found[0]?.severity).toBe(rule.severity);
        expect(found[0]?.fix).toBe(rule.fix);
      }
      for (const line of fixtures?.negative ?? []) {
        const found = scanTemplateText(line).findings.filter((finding) => finding.rule === rule.id);
        expect(found, `${rule.id} should not flag: ${line}`).toEqual([]);
      }
    });
  }

  it('reports line and column, masks secrets and sums severities', () => {
    const report = scanTemplateText(
      'name: x\nuser_data: |\n  echo ok; curl https://a.example/i.sh | bash\npassword: hunter22hunter\n',
    );
    const pipe = report.findings.find((finding) => finding.rule === 'pipe-to-shell');
    expect(pipe).toMatchObject({ line: 3, column: 12 });
    const secret = report.findings.find((finding) => finding.rule === 'hard-coded-secret');
    expect(secret?.excerpt).not.toContain('hunter22');
    expect(report.summary.high).toBe(2);
  });
});
