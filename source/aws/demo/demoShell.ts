import { findInstanceType } from '../../core/catalog/instanceTypes.js';
import { demoFioOutput } from './demoFioOutput.js';

/** What the demo's simulated shell knows about the workstation it runs on. */
export interface DemoShellHost {
  hostname: string;
  instance_type: string;
  research_user: string;
  /** When the instance last started, for uptime and the setup log's times. */
  running_since: number;
  now: number;
  /** Provisioning stages the boot script has reached, in order. */
  stages: string[];
}

export interface DemoShellResult {
  stdout: string;
  stderr: string;
  exit_code: number;
}

/** The first line of the scripts the app itself sends: `# cws-tui:<purpose> <args>`. */
const PURPOSE = /^# cws-tui:([a-z-]+)(?: (.*))?$/;

/**
 * A small simulated shell: enough commands that exec, logs, idle policies and volume mounts behave
 * on the demo account as they would on a workstation, without pretending to be bash. An unknown
 * command fails as bash does (exit 127), so nothing looks like it worked when it did not.
 */
export function runDemoShell(script: string, host: DemoShellHost): DemoShellResult {
  const { user, body } = unwrapSudo(script);
  const first = body.split('\n')[0] ?? '';
  const purpose = PURPOSE.exec(first);
  if (purpose) return appScript(purpose[1] ?? '', purpose[2] ?? '', host);
  let stdout = '';
  for (const line of body.split('\n')) {
    for (const command of line.split(/\s*(?:;|&&)\s*/)) {
      const words = command.trim().split(/\s+/).filter(Boolean);
      if (words.length === 0 || words[0]?.startsWith('#')) continue;
      const result = builtin(words, { ...host, user });
      stdout += result.stdout;
      if (result.exit_code !== 0 || words[0] === 'exit') return { ...result, stdout };
    }
  }
  return { stdout, stderr: '', exit_code: 0 };
}

function unwrapSudo(script: string): { user: string; body: string } {
  const wrapped = /^cd \/tmp && exec sudo -u (\S+) -H -- bash -lc '([\s\S]*)'$/.exec(script);
  if (!wrapped) return { user: 'root', body: script };
  return { user: wrapped[1] ?? 'root', body: (wrapped[2] ?? '').replaceAll(`'\\''`, "'") };
}

function ok(stdout: string): DemoShellResult {
  return { stdout, stderr: '', exit_code: 0 };
}

function setupLog(host: DemoShellHost): string {
  return host.stages
    .map((stage, index) => {
      const at = new Date(host.running_since + (index + 1) * 4000).toISOString();
      return `${at} cws-setup: CWS-PROGRESS ${stage}\n`;
    })
    .join('');
}

function appScript(purpose: string, args: string, host: DemoShellHost): DemoShellResult {
  switch (purpose) {
    case 'logs-setup': {
      const log = setupLog(host).split('\n').filter(Boolean);
      const from = Number(/from=(\d+)/.exec(args)?.[1] ?? 0);
      const lines = Number(/lines=(\d+)/.exec(args)?.[1] ?? log.length);
      const shown = from > 0 ? log.slice(from - 1) : log.slice(-lines);
      return ok(`-- lines: ${log.length}\n${shown.map((line) => `${line}\n`).join('')}`);
    }
    case 'logs-service': {
      const [unit = '', after] = args.split(' ');
      const cursor = `-- cursor: s=demo;i=${host.stages.length}\n`;
      if (after) return ok(`-- No entries --\n${cursor}`);
      const at = new Date(host.running_since).toISOString();
      return ok(
        `${at} ${host.hostname} systemd[1]: Started ${unit}.service.\n${at} ${host.hostname} ${unit}[812]: listening\n${cursor}`,
      );
    }
    case 'idle-policy':
      return ok(`cws-idle-agent: policy ${args} applied; agent restarted\n`);
    case 'mount':
      return ok(`mounted ${args}\n`);
    case 'unmount':
      return ok(`unmounted ${args}\n`);
    case 'fio-bench':
      return ok(demoFioOutput(args));
    case 'efs-unmount':
      return ok(`unmounted ${args} from /efs/home/${host.research_user} /efs\n`);
    default:
      return { stdout: '', stderr: `demo: unknown app script ${purpose}\n`, exit_code: 1 };
  }
}

function builtin(words: string[], host: DemoShellHost & { user: string }): DemoShellResult {
  const [name = '', ...args] = words;
  const info = findInstanceType(host.instance_type);
  const home = host.user === 'root' ? '/root' : `/home/${host.user}`;
  switch (name) {
    case 'echo':
      return ok(`${args.join(' ').replace(/^(['"])(.*)\1$/, '$2')}\n`);
    case 'true':
    case 'sleep':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exit_code: 1 };
    case 'exit':
      return { stdout: '', stderr: '', exit_code: Number(args[0] ?? 0) || 0 };
    case 'hostname':
      return ok(`${host.hostname}\n`);
    case 'whoami':
      return ok(`${host.user}\n`);
    case 'pwd':
      return ok('/tmp\n');
    case 'id':
      return ok(
        host.user === 'root'
          ? 'uid=0(root) gid=0(root) groups=0(root)\n'
          : `uid=60001(${host.user}) gid=60001(${host.user}) groups=60001(${host.user}),27(sudo)\n`,
      );
    case 'nproc':
      return ok(`${info?.vcpus ?? 2}\n`);
    case 'uname':
      return ok(
        args.includes('-a')
          ? `Linux ${host.hostname} 6.8.0-1021-aws #23-Ubuntu SMP x86_64 GNU/Linux\n`
          : 'Linux\n',
      );
    case 'date':
      return ok(`${new Date(host.now).toUTCString()}\n`);
    case 'uptime': {
      const minutes = Math.max(0, Math.floor((host.now - host.running_since) / 60_000));
      return ok(` up ${minutes} min,  0 users,  load average: 0.08, 0.03, 0.01\n`);
    }
    case 'free': {
      const gib = info?.memory_gib ?? 4;
      return ok(
        `               total        used        free\nMem:          ${gib}Gi       ${(gib * 0.12).toFixed(1)}Gi       ${(gib * 0.88).toFixed(1)}Gi\n`,
      );
    }
    case 'df':
      return ok(
        'Filesystem      Size  Used Avail Use% Mounted on\n/dev/root        29G  6.1G   23G  22% /\n',
      );
    case 'ls':
      return ok(
        args.some((a) => a.includes('home')) || args.length === 0 ? `${home.split('/').at(-1)}\n` : '',
      );
    case 'cat':
      if (args.includes('/var/log/cws-setup.log')) return ok(setupLog(host));
      return { stdout: '', stderr: `cat: ${args[0] ?? ''}: No such file or directory\n`, exit_code: 1 };
    case 'nvidia-smi':
      if (info && info.gpus > 0) return ok(`GPU 0: ${info.gpu_model ?? 'NVIDIA GPU'} (UUID: GPU-demo)\n`);
      break;
    case 'python3':
      return ok('Python 3.12.3\n');
  }
  return { stdout: '', stderr: `bash: line 1: ${name}: command not found\n`, exit_code: 127 };
}
