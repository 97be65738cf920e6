import { describe, expect, it } from 'vitest';
import { type ConnectionInput, planConnection } from '../../../source/core/connect/planConnection.js';
import { renderConnectionPlan } from '../../../source/core/connect/renderConnectionPlan.js';
import type { Instance } from '../../../source/core/ports.js';
import type { Workstation } from '../../../source/core/workstations/Workstation.js';

const instance: Instance = {
  id: 'i-0abc',
  name: 'box',
  region: 'eu-west-1',
  state: 'running',
  instance_type: 't3.large',
  architecture: 'x86_64',
  image_id: 'ami-1',
  launched_at: '2026-11-26T00:00:00.000Z',
  public_ip: '3.1.2.3',
  private_ip: '172.31.0.9',
  spot: false,
  hibernation_configured: false,
  hibernated: false,
  root_volume_gb: 20,
  root_volume_type: 'gp3',
  tags: {},
  transitions: [],
};

function row(overrides: Partial<Workstation> = {}): Workstation {
  return {
    id: 'i-0abc',
    name: 'box',
    kind: 'ec2',
    template: 'jupyter-server',
    region: 'eu-west-1',
    state: 'running',
    hibernated: false,
    instance_type: 't3.large',
    launched_at: instance.launched_at,
    connect: 'web :8888',
    research_user: 'ana',
    instance,
    ...overrides,
  };
}

function input(overrides: Partial<ConnectionInput> = {}): ConnectionInput {
  return {
    workstation: row(),
    kind: 'ec2-ssh',
    user: { username: 'ana', private_key_path: '/state/keys/ana_ed25519' },
    env: { DISPLAY: ':0' },
    platform: 'linux',
    ssm: { aws_cli: true, plugin: true },
    ssh_cidr: '203.0.113.0/24',
    prefer: 'ssh',
    ...overrides,
  };
}

describe('planConnection', () => {
  it('SSH: the research user, the key, the public address', () => {
    expect(planConnection(input())).toEqual({
      kind: 'terminal',
      via: 'ssh',
      why: 'SSH to the public address: the profile allows SSH from 203.0.113.0/24',
      argv: [
        'ssh',
        '-i',
        '/state/keys/ana_ed25519',
        '-o',
        'IdentitiesOnly=yes',
        '-o',
        'StrictHostKeyChecking=accept-new',
        'ana@3.1.2.3',
      ],
      command:
        'ssh -i /state/keys/ana_ed25519 -o IdentitiesOnly=yes -o StrictHostKeyChecking=accept-new ana@3.1.2.3',
    });
  });

  it('quotes a key path with spaces in the printed command', () => {
    const plan = planConnection(input({ user: { username: 'ana', private_key_path: "/my keys/ana's" } }));
    expect(plan.kind === 'terminal' && plan.command).toContain(`-i '/my keys/ana'\\''s'`);
  });

  it('SSM when asked, with the profile, and a note about the agent', () => {
    const plan = planConnection(input({ prefer: 'ssm', aws_profile: 'lab' }));
    expect(plan).toMatchObject({
      kind: 'terminal',
      via: 'ssm',
      argv: [
        'aws',
        'ssm',
        'start-session',
        '--target',
        'i-0abc',
        '--region',
        'eu-west-1',
        '--profile',
        'lab',
      ],
      note: expect.stringMatching(/SSM agent/),
    });
  });

  it('on the demo account SSH is open without a recorded CIDR (its security group is simulated), and says so', () => {
    const noPlugin = { aws_cli: false, plugin: false };
    expect(planConnection(input({ prefer: undefined, ssm: noPlugin, ssh_cidr: undefined }))).toMatchObject({
      kind: 'unavailable',
    });
    expect(
      planConnection(input({ prefer: undefined, ssm: noPlugin, ssh_cidr: undefined, demo: true })),
    ).toMatchObject({
      kind: 'terminal',
      via: 'ssh',
      why: expect.stringMatching(/^SSH to the public address, simulated by the demo account/),
    });
  });

  it('Session Manager first; SSH only from the profile CIDR or through a bastion; explains when neither works', () => {
    const privateOnly = row({ instance: { ...instance, public_ip: undefined } });
    expect(planConnection(input({ prefer: undefined }))).toMatchObject({ kind: 'terminal', via: 'ssm' });
    expect(planConnection(input({ workstation: privateOnly, prefer: undefined }))).toMatchObject({
      kind: 'terminal',
      via: 'ssm',
    });
    const noPlugin = { aws_cli: true, plugin: false };
    expect(planConnection(input({ prefer: undefined, ssm: noPlugin }))).toMatchObject({
      via: 'ssh',
      why: 'SSH to the public address: the profile allows SSH from 203.0.113.0/24; Session Manager would need the session-manager-plugin',
    });
    expect(
      planConnection(
        input({ prefer: undefined, ssm: noPlugin, ssh_cidr: undefined, bastion: 'jump@bastion' }),
      ),
    ).toMatchObject({
      via: 'ssh',
      argv: expect.arrayContaining(['-J', 'jump@bastion', 'ana@172.31.0.9']),
      why: expect.stringMatching(/^SSH through the bastion jump@bastion \(CWS_SSH_BASTION\)/),
    });
    expect(planConnection(input({ prefer: undefined, workstation: privateOnly, ssm: noPlugin }))).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^No way into box from here: Session Manager needs the session-manager-plugin, and it has no public IP address for SSH\..*; or set CWS_SSH_BASTION to a jump host in its VPC/,
      ),
    });
    const privateReason = planConnection(
      input({ prefer: undefined, workstation: privateOnly, ssm: noPlugin }),
    );
    expect(JSON.stringify(privateReason)).not.toContain('--ssh-cidr');
    expect(planConnection(input({ ssh_cidr: undefined }))).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/^SSH to box is not open: allow SSH from the network you connect from/),
    });
    expect(planConnection(input({ prefer: 'ssm', ssm: { aws_cli: true, plugin: false } }))).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /^SSM Session Manager needs the session-manager-plugin, which is not installed/,
      ),
    });
  });

  it('Jupyter: a tunnel to the localhost port and the URL with its token; SSM port forwarding too', () => {
    const jupyter = input({ kind: 'jupyterlab', web_port: 8888, tokens: { jupyter: 'tok en' } });
    expect(planConnection(jupyter)).toMatchObject({
      kind: 'url',
      url: 'http://localhost:8888/lab?token=tok%20en',
      open: 'browser',
      tunnel: {
        via: 'ssh',
        local_port: 8888,
        remote_port: 8888,
        argv: expect.arrayContaining([
          '-N',
          '-o',
          'ExitOnForwardFailure=yes',
          '-L',
          '8888:localhost:8888',
          'ana@3.1.2.3',
        ]),
      },
    });
    expect(planConnection({ ...jupyter, prefer: 'ssm', local_port: 9999 })).toMatchObject({
      tunnel: {
        via: 'ssm',
        local_port: 9999,
        argv: expect.arrayContaining([
          '--document-name',
          'AWS-StartPortForwardingSession',
          '--parameters',
          'portNumber=8888,localPortNumber=9999',
        ]),
      },
      url: 'http://localhost:9999/lab?token=tok%20en',
    });
  });

  it('over SSH: the laptop command goes to the configured address, else to SSH_CONNECTION with a note', () => {
    const overSsh = { SSH_CONNECTION: '198.51.100.7 50022 10.0.0.9 22', USER: 'ana' };
    const configured = planConnection(
      input({
        kind: 'jupyterlab',
        web_port: 8888,
        env: overSsh,
        laptop_host: { value: 'ana@bastion.example.org:2222', source: 'CWS_LAPTOP_SSH_HOST' },
      }),
    );
    expect(configured).toMatchObject({
      open: 'show',
      laptop_command: 'ssh -p 2222 -N -L 8888:localhost:8888 ana@bastion.example.org',
    });
    expect(configured.kind === 'url' && configured.laptop_note).toBeUndefined();
    const guessed = planConnection(input({ kind: 'jupyterlab', web_port: 8888, env: overSsh }));
    expect(guessed).toMatchObject({ laptop_command: 'ssh -N -L 8888:localhost:8888 ana@10.0.0.9' });
    expect(guessed.kind === 'url' && guessed.laptop_note).toMatch(
      /SSH_CONNECTION gives it \(10\.0\.0\.9\); behind NAT, a DNS name or a jump host set CWS_LAPTOP_SSH_HOST/,
    );
    // A bad setting is not used, and the note says why.
    const refused = planConnection(
      input({
        kind: 'jupyterlab',
        web_port: 8888,
        env: overSsh,
        laptop_host: { value: 'ana@host; rm -rf /', source: 'CWS_LAPTOP_SSH_HOST' },
      }),
    );
    expect(refused).toMatchObject({ laptop_command: 'ssh -N -L 8888:localhost:8888 ana@10.0.0.9' });
    expect(refused.kind === 'url' && refused.laptop_note).toMatch(
      /^CWS_LAPTOP_SSH_HOST: 'ana@host; rm -rf \/' is not/,
    );
  });

  it('RStudio and code-server sign in with a password, told in the note', () => {
    expect(
      planConnection(input({ kind: 'rstudio', web_port: 8787, tokens: { rstudio: 'pw' } })),
    ).toMatchObject({
      url: 'http://localhost:8787/',
      note: "Sign in to RStudio as ana with password pw (RStudio's own, not your Linux password)",
    });
    expect(planConnection(input({ kind: 'code-server', web_port: 8080 }))).toMatchObject({
      note: 'code-server asks for its password: the workstation has not stored it yet (it does when its services start); on the instance it is in ~/.cws-tui/code-server.secret',
    });
    expect(
      planConnection(input({ kind: 'jupyterlab', web_port: 8888, secret_error: 'AccessDeniedException' })),
    ).toMatchObject({
      note: expect.stringMatching(/could not be read from Parameter Store \(AccessDeniedException\)/),
    });
  });

  it('the desktop signs in with its own password from Parameter Store, never the Linux one', () => {
    expect(
      planConnection(input({ kind: 'ec2-desktop', web_port: 8443, tokens: { desktop: 'd3sk' } })),
    ).toMatchObject({
      url: 'https://localhost:8443/',
      note: "Sign in to the desktop as ana with password d3sk (the desktop's own, not your Linux password)",
    });
  });

  it('a service URL opens locally, and is only shown over SSH', () => {
    const studio = row({
      id: 'd-1/space/s',
      kind: 'sagemaker-studio',
      instance: undefined,
      template: 'sagemaker-studio',
    });
    const endpoint = {
      url: 'https://d-1.studio.eu-west-1.sagemaker.aws/auth?token=t',
      expires_at: '2026-11-26T00:05:00.000Z',
    };
    expect(planConnection(input({ workstation: studio, kind: 'sagemaker-studio', endpoint }))).toEqual({
      kind: 'url',
      url: endpoint.url,
      open: 'browser',
      expires_at: endpoint.expires_at,
    });
    const overSsh = planConnection(
      input({
        workstation: studio,
        kind: 'sagemaker-studio',
        endpoint,
        env: { SSH_TTY: '/dev/pts/0', DISPLAY: ':0' },
      }),
    );
    expect(overSsh).toMatchObject({ kind: 'url', open: 'show' });
    expect(overSsh.kind === 'url' && overSsh.laptop_command).toBeFalsy();
  });

  it('refuses a stopped or hibernated workstation, saying what to do', () => {
    expect(planConnection(input({ workstation: row({ state: 'stopped', hibernated: true }) }))).toEqual({
      kind: 'unavailable',
      reason: 'box is hibernated: start it first, then connect',
    });
    expect(planConnection(input({ workstation: row({ state: 'terminated' }) }))).toEqual({
      kind: 'unavailable',
      reason: 'box is terminated',
    });
  });
});

describe('renderConnectionPlan', () => {
  const shown = {
    kind: 'url' as const,
    url: 'http://localhost:8888/lab?token=abc',
    open: 'show' as const,
    laptop_command: 'ssh -N -L 8888:localhost:8888 ana@10.0.0.9',
    tunnel: {
      via: 'ssh' as const,
      argv: ['ssh'],
      command: 'ssh -N -L 8888:localhost:8888 ana@3.1.2.3',
      local_port: 8888,
      remote_port: 8888,
    },
  };

  it('over SSH in a terminal: an OSC 8 link, copied with OSC 52 (tmux passthrough inside tmux)', () => {
    const text = renderConnectionPlan(shown, { terminal: true, env: { TMUX: '/tmp/t,1,0' } });
    const base64 = Buffer.from(shown.url).toString('base64');
    expect(text).toBe(
      'Tunnel (ssh): ssh -N -L 8888:localhost:8888 ana@3.1.2.3\n' +
        'On your laptop, run: ssh -N -L 8888:localhost:8888 ana@10.0.0.9\n' +
        `Open: \u001B]8;;${shown.url}\u001B\\${shown.url}\u001B]8;;\u001B\\ (copied to the clipboard)\n` +
        `\u001BPtmux;\u001B\u001B]52;c;${base64}\u0007\u001B\\`,
    );
  });

  it('into a pipe: plain text, no escape sequence at all', () => {
    const text = renderConnectionPlan(shown, { terminal: false, env: {} });
    expect(text).not.toContain('\u001B');
    expect(text).toContain(`Open: ${shown.url}\n`);
  });

  it('a terminal plan prints its command and note', () => {
    expect(
      renderConnectionPlan(
        { kind: 'terminal', via: 'ssm', argv: [], command: 'aws ssm start-session', note: 'n' },
        {
          terminal: true,
          env: {},
        },
      ),
    ).toBe('aws ssm start-session\n  n\n');
  });
});
