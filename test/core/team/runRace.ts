import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type RaceOutcome = { ok: unknown } | { error: string };

/**
 * Starts `count` worker processes of `script` (given the arguments and their index), waits until
 * every one is ready, then releases them together and collects what each did.
 */
export async function runRace(script: URL, args: string[], count: number): Promise<RaceOutcome[]> {
  const path = fileURLToPath(script);
  const workers = Array.from({ length: count }, (_, index) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path, ...args, String(index)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let output = '';
    let errors = '';
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      markReady = resolve;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.startsWith('ready\n')) markReady();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const done = new Promise<RaceOutcome>((resolve, reject) => {
      child.on('close', (code) => {
        const last = output.trim().split('\n').at(-1) ?? '';
        if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as RaceOutcome);
        else reject(new Error(`worker ${index} exited ${code}: ${errors}`));
      });
    });
    return { child, ready: Promise.race([ready, done.then(() => undefined)]), done };
  });
  await Promise.all(workers.map((worker) => worker.ready));
  for (const worker of workers) worker.child.stdin.end('go\n');
  return Promise.all(workers.map((worker) => worker.done));
}
