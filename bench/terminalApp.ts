import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** The app ends each frame with synchronized output's end: a frame is complete when this arrives. */
export const FRAME_END = '\u001B[?2026l';

/**
 * A command in a pseudo-terminal of 120x40 (`script`), as a person's terminal would run it, with
 * what the bench reads: output, bytes, completed frames, and the process's CPU and memory.
 */
export function spawnInTerminal(command: string, env: NodeJS.ProcessEnv) {
  const started = performance.now();
  // `exec` makes the command the direct child of script, so its /proc entries can be read.
  const child = spawn('script', ['-qfc', `stty cols 120 rows 40; exec ${command}`, '/dev/null'], {
    env: { ...env },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let output = '';
  let tail = '';
  let bytes = 0;
  let frames = 0;
  const arrivals = new EventEmitter();
  arrivals.setMaxListeners(0);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output = (output + chunk).slice(-200_000);
    bytes += Buffer.byteLength(chunk);
    // A frame end split across two chunks still counts once.
    const seen = tail + chunk;
    frames += seen.split(FRAME_END).length - 1 - (tail.split(FRAME_END).length - 1);
    tail = seen.slice(-(FRAME_END.length - 1));
    arrivals.emit('data', performance.now());
  });
  const pid = (): number => {
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim();
    return Number(children.split(/\s+/)[0]);
  };
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const waitUntil = (test: () => boolean, what: string, timeoutMs: number): Promise<number> =>
    new Promise((done, fail) => {
      const check = (at = performance.now()) => {
        if (!test()) return;
        clearTimeout(timer);
        arrivals.off('data', check);
        done(at);
      };
      const timer = setTimeout(() => {
        arrivals.off('data', check);
        fail(new Error(`${what} never came; the screen ends with ${JSON.stringify(output.slice(-300))}`));
      }, timeoutMs);
      arrivals.on('data', check);
      check();
    });
  return {
    startedAt: started,
    bytes: () => bytes,
    frames: () => frames,
    /** ms from spawn until `text` appears. */
    async waitForText(text: string, timeoutMs = 30_000): Promise<number> {
      return (await waitUntil(() => output.includes(text), `"${text}"`, timeoutMs)) - started;
    },
    /** ms from spawn until the first complete frame. */
    async waitForFirstFrame(timeoutMs = 30_000): Promise<number> {
      return (await waitUntil(() => frames > 0, 'a first frame', timeoutMs)) - started;
    },
    /** Types a key; resolves with the ms until the end of the next complete frame. */
    async press(key: string, timeoutMs = 5000): Promise<number> {
      const before = frames;
      const pressedAt = performance.now();
      child.stdin.write(key);
      return (
        (await waitUntil(() => frames > before, `a frame after ${JSON.stringify(key)}`, timeoutMs)) -
        pressedAt
      );
    },
    /** User plus system CPU time so far, in ms (from /proc, in 10 ms ticks). */
    cpuMs(): number {
      const fields = readFileSync(`/proc/${pid()}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    /** Peak resident memory (VmHWM) so far, in MB. */
    peakMemoryMb(): number {
      const status = readFileSync(`/proc/${pid()}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
    },
    async quit(key = 'q'): Promise<void> {
      child.stdin.write(key);
      const timeout = sleep(5000).then(() => child.kill('SIGTERM'));
      await Promise.race([exited, timeout]);
    },
  };
}
