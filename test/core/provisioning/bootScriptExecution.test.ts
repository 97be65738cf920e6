import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  PROVISIONING_STAGES,
  parseProgressMarkers,
} from '../../../source/core/provisioning/progressMarkers.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import {
  apiCallsOf,
  type BootScriptSandbox,
  callsOf,
  createBootScriptSandbox,
  hasBubblewrap,
  hasCall,
  tagValues,
} from './bootScriptSandbox.js';
import { basicTemplate, pythonMlTemplate, researchUser, rResearchTemplate } from './provisioningFixtures.js';

const efs = {
  file_system_id: 'fs-0123abcd',
  access_point_id: 'fsap-0123456789abcdef0',
  region: 'us-east-1',
  mount_point: '/mnt/efs',
};

describe.skipIf(!hasBubblewrap)(
  'the generated boot script, executed with stub commands in a throwaway root',
  () => {
    let sandbox: BootScriptSandbox | undefined;
    afterEach(() => {
      sandbox?.dispose();
      sandbox = undefined;
    });

    const render = (overrides: Partial<UserDataInput> = {}) =>
      renderUserData({
        template: pythonMlTemplate,
        distro: 'ubuntu',
        user: researchUser,
        launch_id: 'req-exec',
        efs,
        ...overrides,
      });

    it('provisions an Ubuntu workstation: packages, user, NFS fallback mount, conda, services, idle agent, ready', () => {
      sandbox = createBootScriptSandbox();
      const userData = render();
      const { status, output, calls } = sandbox.run(userData.script);
      expect(status, output).toBe(0);

      expect(hasCall(calls, ['apt-get', '-o', 'DPkg::Lock::Timeout=600', 'install', '-y', 'curl'])).toBe(
        true,
      );
      // The idle agent is running before the first package step.
      const agentAt = calls.findIndex((call) => call.join(' ') === 'systemctl enable cws-idle-agent.service');
      const aptAt = calls.findIndex((call) => call[0] === 'apt-get');
      expect(agentAt).toBeGreaterThanOrEqual(0);
      expect(agentAt).toBeLessThan(aptAt);
      expect(callsOf(calls, 'apt-get').flat()).toContain('build-essential');
      expect(callsOf(calls, 'dnf')).toEqual([]);

      expect(hasCall(calls, ['groupadd', '--gid', '4999', 'cloudworkstation-shared'])).toBe(true);
      expect(hasCall(calls, ['groupadd', '--gid', '5001', 'alice'])).toBe(true);
      const [useradd] = callsOf(calls, 'useradd');
      expect(useradd).toEqual([
        'useradd',
        '--uid',
        '5001',
        '--gid',
        '5001',
        '--home-dir',
        '/home/alice',
        '--create-home',
        '--shell',
        '/bin/bash',
        '--comment',
        "Alice O'Neil",
        'alice',
      ]);
      expect(hasCall(calls, ['usermod', '--append', '--groups', 'sudo', 'alice'])).toBe(true);
      expect(sandbox.read('/home/alice/.ssh/authorized_keys')).toBe(`${researchUser.ssh_public_keys[0]}\n`);
      expect(callsOf(calls, 'chpasswd')).toEqual([]);
      const keys = statSync(sandbox.hostPath('/home/alice/.ssh/authorized_keys'));
      expect([keys.uid, keys.gid, keys.mode & 0o777]).toEqual([5001, 5001, 0o600]);

      // No amazon-efs-utils on Ubuntu: plain NFS 4.1, said so in the markers.
      const [mount] = callsOf(calls, 'mount');
      expect(mount?.slice(0, 3)).toEqual(['mount', '-t', 'nfs4']);
      expect(mount?.[4]).toMatch(/^nfsvers=4\.1,/);
      expect(mount?.slice(5)).toEqual(['fs-0123abcd.efs.us-east-1.amazonaws.com:/', '/mnt/efs']);
      expect(sandbox.read('/etc/fstab')).toMatch(
        /^fs-0123abcd\.efs\.us-east-1\.amazonaws\.com:\/ \/mnt\/efs nfs4 _netdev,nofail,nfsvers=4\.1,.* 0 0\n$/,
      );
      const shared = statSync(sandbox.hostPath('/mnt/efs/shared'));
      expect([shared.gid, shared.mode & 0o7777]).toEqual([4999, 0o2775]);
      expect(statSync(sandbox.hostPath('/mnt/efs/home/alice')).uid).toBe(5001);

      expect(
        hasCall(calls, [
          'conda',
          'install',
          '--yes',
          '--quiet',
          'numpy',
          'pandas>=2.0',
          'scikit-learn',
          'jupyterlab',
        ]),
      ).toBe(true);
      expect(hasCall(calls, ['pip', 'install', '--no-input', 'torch', 'transformers[torch]'])).toBe(true);
      expect(sandbox.read('/etc/motd')).toBe('python ready for alice\n');

      const jupyterUnit = sandbox.read('/etc/systemd/system/cws-jupyter.service');
      expect(jupyterUnit).toContain('User=alice\n');
      expect(jupyterUnit).toContain('--ip=127.0.0.1 --port=8888');
      // The token is made on the instance, kept for root and the user, and stored in Parameter Store.
      const token = sandbox.read('/etc/cws/jupyter.secret');
      expect(token).toMatch(/^[0-9a-f]{48}$/);
      expect(userData.script).not.toContain(token);
      expect(sandbox.read('/etc/cws/cws-jupyter.env')).toBe(`JUPYTER_TOKEN=${token}\n`);
      expect(statSync(sandbox.hostPath('/etc/cws/cws-jupyter.env')).mode & 0o777).toBe(0o600);
      const copy = statSync(sandbox.hostPath('/home/alice/.cws-tui/jupyter.secret'));
      expect([copy.uid, copy.mode & 0o777]).toEqual([5001, 0o600]);
      const stored = apiCallsOf(calls).find((call) => call.target === 'AmazonSSM.PutParameter');
      expect(stored?.service).toBe('ssm');
      // Created with the tags the instance role requires (SSM refuses Tags with Overwrite): its
      // research user's is the one the member policy reads the token by.
      expect(JSON.parse(stored?.body ?? '{}')).toEqual({
        Name: '/cws-tui/i-0123456789abcdef0/jupyter',
        Type: 'SecureString',
        Value: token,
        Tags: [
          { Key: 'cws:instance', Value: 'i-0123456789abcdef0' },
          { Key: 'cws:research-user', Value: 'alice' },
        ],
      });
      expect(hasCall(calls, ['systemctl', 'restart', 'cws-jupyter.service'])).toBe(true);
      expect(sandbox.read('/usr/local/sbin/cws-idle-agent')).toContain(
        'readonly IDLE_MINUTES=15\nreadonly HIBERNATE_MINUTES=30\n',
      );
      expect(hasCall(calls, ['systemctl', 'enable', 'cws-idle-agent.service'])).toBe(true);

      // The CloudWatch agent from AWS's bucket, publishing memory under the instance id alone.
      expect(
        callsOf(calls, 'curl').some(
          (call) =>
            call.at(-1) ===
            'https://amazoncloudwatch-agent.s3.amazonaws.com/ubuntu/amd64/latest/amazon-cloudwatch-agent.deb',
        ),
      ).toBe(true);
      expect(
        callsOf(calls, 'apt-get').some((call) => call.at(-1)?.endsWith('/amazon-cloudwatch-agent.deb')),
      ).toBe(true);
      const agentConfig = JSON.parse(sandbox.read('/opt/aws/amazon-cloudwatch-agent/etc/cws-tui.json'));
      expect(agentConfig.metrics).toEqual({
        namespace: 'CWAgent',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the agent's own variable, resolved on the instance
        append_dimensions: { InstanceId: '${aws:InstanceId}' },
        metrics_collected: { mem: { measurement: ['mem_used_percent'] } },
      });
      expect(agentConfig.agent.omit_hostname).toBe(true);
      expect(
        hasCall(calls, [
          'amazon-cloudwatch-agent-ctl',
          '-a',
          'fetch-config',
          '-m',
          'ec2',
          '-s',
          '-c',
          'file:/opt/aws/amazon-cloudwatch-agent/etc/cws-tui.json',
        ]),
      ).toBe(true);

      // Every stage is tagged through signed API calls (no AWS CLI needed), in order, ending with ready.
      // No R packages and no FSx file system here: those parts are left out.
      expect(tagValues(calls, 'cws:progress')).toEqual(
        PROVISIONING_STAGES.filter((stage) => stage !== 'r' && stage !== 'fsx'),
      );
      expect(callsOf(calls, 'aws')).toEqual([]);
      const progress = parseProgressMarkers(output);
      expect(progress.ready).toBe(true);
      expect(progress.notes.find((note) => note.stage === 'efs')?.message).toMatch(/^nfs-fallback: /);
      expect(sandbox.read('/var/log/cws-setup.log')).toContain('CWS-PROGRESS ready');
    });

    it('is idempotent: a second run creates nothing twice and skips post_install', () => {
      sandbox = createBootScriptSandbox();
      const { script } = render();
      expect(sandbox.run(script).status).toBe(0);
      const second = sandbox.run(script);
      expect(second.status, second.output).toBe(0);
      expect(callsOf(second.calls, 'useradd')).toEqual([]);
      expect(callsOf(second.calls, 'groupadd')).toEqual([]);
      expect(sandbox.read('/etc/fstab').split('\n').filter(Boolean)).toHaveLength(1);
      expect(second.output).toContain('post_install already ran');
      expect(sandbox.read('/etc/passwd').match(/^alice:/gm)).toHaveLength(1);
      expect(parseProgressMarkers(second.output).ready).toBe(true);
    });

    it('uses the EFS helper with TLS and the access point on Amazon Linux 2023', () => {
      sandbox = createBootScriptSandbox({ withMountEfsHelper: true });
      const { status, output, calls } = sandbox.run(render({ distro: 'al2023' }).script);
      expect(status, output).toBe(0);
      expect(callsOf(calls, 'dnf').flat()).toContain('amazon-efs-utils');
      expect(hasCall(calls, ['dnf', 'install', '-y', 'amazon-cloudwatch-agent'])).toBe(true);
      expect(hasCall(calls, ['usermod', '--append', '--groups', 'wheel', 'alice'])).toBe(true);
      // The file system's root with TLS, then the user's access point over their directory.
      expect(callsOf(calls, 'mount')).toEqual([
        ['mount', '-t', 'efs', '-o', 'tls', 'fs-0123abcd:/', '/mnt/efs'],
        [
          'mount',
          '-t',
          'efs',
          '-o',
          'tls,accesspoint=fsap-0123456789abcdef0',
          'fs-0123abcd:/',
          '/mnt/efs/home/alice',
        ],
      ]);
      expect(sandbox.read('/etc/fstab')).toBe(
        [
          'fs-0123abcd:/ /mnt/efs efs _netdev,nofail,tls 0 0',
          'fs-0123abcd:/ /mnt/efs/home/alice efs _netdev,nofail,tls,accesspoint=fsap-0123456789abcdef0 0 0',
          '',
        ].join('\n'),
      );
      const home = statSync(sandbox.hostPath('/mnt/efs/home/alice'));
      expect([home.uid, home.gid, home.mode & 0o777]).toEqual([5001, 5001, 0o750]);
    });

    it('retries a failing mount, then reports it and still finishes', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/tmp/cws-fail-mount', '');
      const { status, output, calls } = sandbox.run(render().script);
      expect(status, output).toBe(0);
      expect(callsOf(calls, 'mount')).toHaveLength(5);
      expect(callsOf(calls, 'sleep').map((call) => call[1])).toEqual(['5', '10', '20', '40']);
      const progress = parseProgressMarkers(output);
      expect(progress.notes).toContainEqual(
        expect.objectContaining({
          stage: 'efs',
          level: 'warning',
          message: expect.stringMatching(/failed after 5 attempts/),
        }),
      );
      expect(progress.ready).toBe(true);
      expect(sandbox.exists('/mnt/efs/shared')).toBe(false);
    });

    it('stops with a failure marker when the user name exists with another UID', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write(
        '/etc/passwd',
        'root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n',
      );
      const { status, output } = sandbox.run(render().script);
      expect(status).not.toBe(0);
      const progress = parseProgressMarkers(output);
      expect(progress.ready).toBe(false);
      expect(progress.failed).toEqual({
        stage: 'user',
        message: 'user alice exists with UID 1000, not 5001; the idle agent is running',
      });
    });

    it('marks an optional part that fails as degraded, names the failing command, and finishes the rest', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/usr/local/sbin/Rscript', '#!/bin/sh\nexit 1\n', 0o755);
      const { status, output, calls } = sandbox.run(render({ template: rResearchTemplate }).script);
      expect(status, output).toBe(0);
      const progress = parseProgressMarkers(output);
      expect(progress.stage).toBe('degraded');
      expect(progress.ready).toBe(false);
      expect(progress.degraded.map((part) => part.stage)).toEqual(['r']);
      expect(progress.notes).toContainEqual(
        expect.objectContaining({
          stage: 'r',
          level: 'warning',
          message: expect.stringMatching(/^Rscript -e .* failed \(exit 1, line \d+\)$/),
        }),
      );
      expect(hasCall(calls, ['systemctl', 'restart', 'rstudio-server'])).toBe(true);
      expect(tagValues(calls, 'cws:progress').at(-1)).toBe('degraded:r');
      expect(sandbox.exists('/var/lib/cws/ready')).toBe(false);
      expect(sandbox.read('/var/lib/cws/degraded')).toBe('r\n');
    });

    it('provisions Rocky: dnf install, the docker-ce repository, code-server unit, venv pip, template files', () => {
      sandbox = createBootScriptSandbox();
      const userData = render({ template: basicTemplate, distro: 'rocky', efs: undefined });
      const { status, output, calls } = sandbox.run(userData.script);
      expect(status, output).toBe(0);
      const dnfInstall = callsOf(calls, 'dnf').find((call) => call.includes('--allowerasing'));
      expect(dnfInstall).toEqual(
        expect.arrayContaining(['docker-ce', 'gcc', 'git', 'python3-pip', 'python3']),
      );
      expect(hasCall(calls, ['dnf', 'config-manager', '--add-repo'])).toBe(true);
      expect(callsOf(calls, 'mount')).toEqual([]);
      expect(hasCall(calls, ['pip', 'install', '--no-input', 'black'])).toBe(true);
      expect(sandbox.read('/etc/cws/cws-code-server.env')).toBe(
        `PASSWORD=${sandbox.read('/etc/cws/code-server.secret')}\n`,
      );
      // code-server from its pinned release, not `curl | sh`.
      expect(sandbox.exists('/usr/local/lib/code-server-4.96.4/bin/code-server')).toBe(true);
      expect(parseProgressMarkers(output).ready).toBe(true);
      expect(sandbox.read('/etc/systemd/system/cws-code-server.service')).toContain(
        '--bind-addr=127.0.0.1:8080',
      );
      expect(hasCall(calls, ['systemctl', 'enable', '--now', 'docker.service'])).toBe(true);
      expect(sandbox.read('/etc/cws/welcome.txt')).toBe("Welcome! It's $HOME `date`\n");
    });

    it('signs RStudio Server in with its own secret through PAM on 127.0.0.1, never the Linux password', () => {
      sandbox = createBootScriptSandbox();
      const userData = render({ template: rResearchTemplate, efs: undefined });
      const { status, output, calls } = sandbox.run(userData.script);
      expect(status, output).toBe(0);
      expect(sandbox.read('/etc/rstudio/rserver.conf')).toBe(
        'www-address=127.0.0.1\nwww-port=8787\nauth-timeout-minutes=120\n',
      );
      expect(callsOf(calls, 'chpasswd')).toEqual([]);
      expect(sandbox.read('/etc/pam.d/rstudio')).toContain(
        'auth required pam_exec.so expose_authtok quiet /usr/local/sbin/cws-check-secret rstudio',
      );
      // pam_exec hands the password on stdin, NUL-terminated, and the user in PAM_USER.
      const check = (user: string, password: string) =>
        sandbox!.run(
          `printf '%s\\0' ${password} | PAM_USER=${user} PAM_TYPE=auth /usr/local/sbin/cws-check-secret rstudio`,
        ).status;
      expect(check('alice', '"$(cat /etc/cws/rstudio.secret)"')).toBe(0);
      expect(check('alice', 'wrong')).toBe(1);
      expect(check('bob', '"$(cat /etc/cws/rstudio.secret)"')).toBe(1);
      expect(hasCall(calls, ['Rscript', '-e'])).toBe(true);
      expect(hasCall(calls, ['systemctl', 'restart', 'rstudio-server'])).toBe(true);
    });
  },
);
