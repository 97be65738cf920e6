import { afterEach, describe, expect, it } from 'vitest';
import { parseProgressMarkers } from '../../../source/core/provisioning/progressMarkers.js';
import { renderUserData } from '../../../source/core/provisioning/renderUserData.js';
import type { UserDataInput } from '../../../source/core/provisioning/UserDataInput.js';
import {
  type BootScriptSandbox,
  callsOf,
  createBootScriptSandbox,
  hasBubblewrap,
  hasCall,
  type RecordedCall,
  tagValues,
} from './bootScriptSandbox.js';
import { pythonMlTemplate, researchUser } from './provisioningFixtures.js';

const render = (overrides: Partial<UserDataInput> = {}) =>
  renderUserData({
    template: pythonMlTemplate,
    distro: 'ubuntu',
    user: researchUser,
    launch_id: 'req-faults',
    ...overrides,
  }).script;

const agentRunning = (calls: RecordedCall[]) =>
  hasCall(calls, ['systemctl', 'enable', 'cws-idle-agent.service']);

const indexOf = (calls: RecordedCall[], match: (call: RecordedCall) => boolean) => calls.findIndex(match);

describe.skipIf(!hasBubblewrap)(
  'the boot script under faults, with stub commands in a throwaway root',
  () => {
    let sandbox: BootScriptSandbox | undefined;
    afterEach(() => {
      sandbox?.dispose();
      sandbox = undefined;
    });

    it('a download that fails leaves the workstation degraded at that part, the rest set up, the agent running', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/tmp/cws-fail-downloads', 'Miniforge3\n');
      const { status, output, calls } = sandbox.run(render());
      expect(status, output).toBe(0);
      const progress = parseProgressMarkers(output);
      expect(progress.stage).toBe('degraded');
      // pip goes into Miniforge's Python, so it cannot run either; the services still start.
      expect(progress.degraded.map((part) => part.stage)).toEqual(['conda', 'pip']);
      expect(tagValues(calls, 'cws:progress').at(-1)).toBe('degraded:conda,pip');
      expect(output).toContain('cws: download failed after 4 attempts');
      expect(agentRunning(calls)).toBe(true);
      expect(hasCall(calls, ['systemctl', 'restart', 'cws-jupyter.service'])).toBe(true);
      expect(sandbox.exists('/home/alice/.ssh/authorized_keys')).toBe(true);
    });

    it('a download whose published checksum does not match is refused', () => {
      sandbox = createBootScriptSandbox();
      // The published checksum is for other content: the installer must not run.
      sandbox.write('/tmp/cws-bad-checksum', '');
      const { output } = sandbox.run(render());
      expect(output).toContain('cws: checksum mismatch for https://github.com/conda-forge/miniforge/');
      expect(sandbox.exists('/opt/miniforge/bin/conda')).toBe(false);
      expect(parseProgressMarkers(output).degraded.map((part) => part.stage)).toContain('conda');
    });

    it('the AWS CLI failing to download costs only the CLI: tags and secrets need none', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/tmp/cws-fail-downloads', 'awscli\n');
      const { output, calls } = sandbox.run(render());
      const progress = parseProgressMarkers(output);
      expect(progress.degraded.map((part) => part.stage)).toEqual(['aws-cli']);
      expect(tagValues(calls, 'cws:progress')).toContain('services');
      expect(sandbox.read('/etc/cws/jupyter.secret')).toMatch(/^[0-9a-f]{48}$/);
    });

    it('waits for apt runs it did not start (held 60 s here), bounded, and says how long', () => {
      sandbox = createBootScriptSandbox();
      sandbox.write('/tmp/cws-apt-busy', '12\n');
      const { status, output, calls } = sandbox.run(render());
      expect(status, output).toBe(0);
      expect(parseProgressMarkers(output).notes).toContainEqual({
        stage: 'packages',
        level: 'info',
        message: 'waited 60s for another apt run to finish',
      });
      const firstApt = indexOf(calls, (call) => call[0] === 'apt-get');
      expect(callsOf(calls.slice(0, firstApt), 'pgrep')).toHaveLength(13);
      expect(agentRunning(calls.slice(0, firstApt))).toBe(true);
    });

    it('an essential stage that fails stops the boot naming the command, with the agent already running', () => {
      sandbox = createBootScriptSandbox();
      expect(sandbox.run(render()).status).toBe(0);
      expect(sandbox.exists('/var/lib/cws/ready')).toBe(true);
      sandbox.write('/usr/local/sbin/apt-get', '#!/bin/sh\n[ "$3" = update ] && exit 0\nexit 100\n', 0o755);
      const { status, output, calls } = sandbox.run(render());
      expect(status).not.toBe(0);
      const progress = parseProgressMarkers(output);
      expect(progress.failed?.stage).toBe('packages');
      expect(progress.failed?.message).toMatch(
        /^cws_apt install -y curl .* \(tried 4 times\) failed \(exit 1, line \d+\); the idle agent is running$/,
      );
      expect(tagValues(calls, 'cws:progress').at(-1)).toBe('failed:packages');
      // The re-run cleared the first run's ready marker before it failed.
      expect(sandbox.exists('/var/lib/cws/ready')).toBe(false);
    });

    it('a re-run merges SSH keys, keeps a running service that did not change, and restarts one that did', () => {
      sandbox = createBootScriptSandbox();
      expect(sandbox.run(render()).status).toBe(0);
      const added =
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB2ZqJ8v0tQ1s5nY3cV7mPp4uLr6wXkD9fGh2JkLmNoP alice@desktop';
      const keys = sandbox.read('/home/alice/.ssh/authorized_keys');
      sandbox.write('/home/alice/.ssh/authorized_keys', `${keys}${added}\n`);
      const token = sandbox.read('/etc/cws/jupyter.secret');

      const again = sandbox.run(render());
      expect(again.status, again.output).toBe(0);
      expect(sandbox.read('/home/alice/.ssh/authorized_keys')).toBe(`${keys}${added}\n`);
      expect(sandbox.read('/etc/cws/jupyter.secret')).toBe(token);
      expect(hasCall(again.calls, ['systemctl', 'restart', 'cws-jupyter.service'])).toBe(false);
      expect(hasCall(again.calls, ['systemctl', 'restart', 'cws-idle-agent.service'])).toBe(false);

      const changed = sandbox.run(
        render({ template: { ...pythonMlTemplate, services: [{ name: 'jupyter', port: 8890 }] } }),
      );
      expect(hasCall(changed.calls, ['systemctl', 'restart', 'cws-jupyter.service'])).toBe(true);
      expect(parseProgressMarkers(changed.output).ready).toBe(true);
    });

    it('on a GPU: the driver before conda, a reboot the script resumes after, then PyTorch checked on the GPU', () => {
      sandbox = createBootScriptSandbox({ nvidiaGpu: true });
      sandbox.write('/usr/local/sbin/modprobe', '#!/bin/sh\nexit 1\n', 0o755);
      const first = sandbox.run(render());
      expect(first.status, first.output).toBe(0);
      const drivers = indexOf(first.calls, (call) => call.join(' ') === 'ubuntu-drivers install --gpgpu');
      expect(drivers).toBeGreaterThan(0);
      expect(hasCall(first.calls, ['systemctl', 'reboot'])).toBe(true);
      expect(hasCall(first.calls, ['systemctl', 'enable', 'cws-boot-resume.service'])).toBe(true);
      expect(sandbox.read('/etc/systemd/system/cws-boot-resume.service')).toContain(
        'ExecStart=/var/lib/cws/boot.sh',
      );
      expect(callsOf(first.calls, 'conda')).toEqual([]);
      expect(parseProgressMarkers(first.output).notes).toContainEqual(
        expect.objectContaining({
          stage: 'gpu-driver',
          message: 'rebooting; setup resumes after the reboot',
        }),
      );

      // After the reboot the module loads; the resumed script goes on from where it was.
      sandbox.write('/usr/local/sbin/nvidia-smi', '#!/bin/sh\nexit 0\n', 0o755);
      const resumed = sandbox.run(sandbox.read('/var/lib/cws/boot.sh'));
      expect(resumed.status, resumed.output).toBe(0);
      expect(callsOf(resumed.calls, 'ubuntu-drivers')).toEqual([]);
      expect(callsOf(resumed.calls, 'conda').length).toBeGreaterThan(0);
      const progress = parseProgressMarkers(resumed.output);
      expect(progress.ready).toBe(true);
      expect(progress.notes).toContainEqual(
        expect.objectContaining({ stage: 'gpu-check', message: 'PyTorch sees the GPU' }),
      );
      expect(tagValues(resumed.calls, 'cws:gpu')).toEqual(['torch-cuda']);
      expect(hasCall(resumed.calls, ['systemctl', 'disable', 'cws-boot-resume.service'])).toBe(true);
      expect(sandbox.exists('/etc/systemd/system/cws-boot-resume.service')).toBe(false);
    });

    it('on a GPU whose driver never loads: one reboot only, then degraded at the driver', () => {
      sandbox = createBootScriptSandbox({ nvidiaGpu: true });
      sandbox.write('/usr/local/sbin/modprobe', '#!/bin/sh\nexit 1\n', 0o755);
      sandbox.run(render());
      const second = sandbox.run(sandbox.read('/var/lib/cws/boot.sh'));
      expect(hasCall(second.calls, ['systemctl', 'reboot'])).toBe(false);
      const progress = parseProgressMarkers(second.output);
      expect(progress.degraded.map((part) => part.stage)).toContain('gpu-driver');
      expect(agentRunning(second.calls)).toBe(true);
    });
  },
);
