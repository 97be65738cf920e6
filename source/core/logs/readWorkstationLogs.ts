import { setTimeout as sleep } from 'node:timers/promises';
import { requireCommandTargets } from '../exec/requireCommandTargets.js';
import { runRemoteCommand } from '../exec/runRemoteCommand.js';
import { OperationError } from '../operations/OperationError.js';
import type { CloudAccount } from '../ports.js';
import type { Workstation } from '../workstations/Workstation.js';
import { serviceLogScript, setupLogScript, splitCursor, splitLineCount } from './logScripts.js';

export type LogSource = { kind: 'boot' } | { kind: 'setup' } | { kind: 'service'; unit: string };

export interface LogReading {
  lines: number;
  follow: boolean;
  intervalMs: number;
  onText: (text: string) => void;
  /** Ends a follow (Ctrl-C, or a test). */
  signal?: AbortSignal;
  /** The workstation as it is now, to end a follow once it stops. */
  refresh?: () => Promise<Workstation | undefined>;
}

/**
 * Reads a workstation's logs: the serial console (`boot`, also while stopped), the boot script's
 * log or a service's journal through SSM (running only). With `follow`, asks again every interval
 * for what came since, until stopped or the workstation stops.
 */
export async function readWorkstationLogs(
  account: CloudAccount,
  workstation: Workstation,
  source: LogSource,
  reading: LogReading,
): Promise<void> {
  if (workstation.kind !== 'ec2') {
    throw new OperationError(
      'refused',
      `${workstation.name} is a ${workstation.kind} service: it has no instance logs`,
    );
  }
  if (source.kind !== 'boot') await requireCommandTargets(account.commands, [workstation]);
  let position: { console: number; line: number; cursor?: string } = { console: 0, line: 0 };
  for (;;) {
    position = await readOnce(account, workstation, source, reading, position);
    if (!reading.follow || reading.signal?.aborted) return;
    await sleep(reading.intervalMs, undefined, reading.signal ? { signal: reading.signal } : {}).catch(
      () => undefined,
    );
    if (reading.signal?.aborted) return;
    const now = await reading.refresh?.();
    if (
      reading.refresh &&
      (!now || (source.kind !== 'boot' && now.state !== 'running') || now.state === 'terminated')
    ) {
      reading.onText(`-- ${workstation.name} is ${now?.state ?? 'gone'}: the follow ends\n`);
      return;
    }
  }
}

async function readOnce(
  account: CloudAccount,
  workstation: Workstation,
  source: LogSource,
  reading: LogReading,
  position: { console: number; line: number; cursor?: string },
): Promise<{ console: number; line: number; cursor?: string }> {
  if (source.kind === 'boot') {
    const text = await account.compute.consoleOutput(workstation.region, workstation.id);
    // The first read shows the tail; a follow shows what was appended since.
    const start = position.console === 0 ? tailStart(text, reading.lines) : position.console;
    if (text.length > start) reading.onText(text.slice(start));
    return { ...position, console: Math.max(text.length, position.console) };
  }
  const script =
    source.kind === 'setup'
      ? setupLogScript({ ...(position.line > 0 ? { from: position.line + 1 } : {}), lines: reading.lines })
      : serviceLogScript({
          unit: source.unit,
          lines: reading.lines,
          ...(position.cursor ? { after_cursor: position.cursor } : {}),
        });
  const invocation = await runRemoteCommand(
    account.commands,
    {
      region: workstation.region,
      instance_id: workstation.id,
      script,
      comment: `cws-tui logs ${source.kind}`,
      timeout_seconds: 60,
    },
    { intervalMs: reading.intervalMs },
  );
  if (invocation.status !== 'success') {
    throw new OperationError(
      'refused',
      `reading the ${source.kind === 'setup' ? 'setup log' : `journal of ${source.kind === 'service' ? source.unit : ''}`} on ${workstation.name} failed: ${(invocation.stderr || invocation.status).trim()}`,
    );
  }
  if (source.kind === 'setup') {
    const { text, lines } = splitLineCount(invocation.stdout);
    if (text) reading.onText(text);
    return { ...position, line: lines };
  }
  const { text, cursor } = splitCursor(invocation.stdout);
  if (text.trim() && !/^-- No entries --\s*$/.test(text)) reading.onText(text);
  return { ...position, ...(cursor ? { cursor } : {}) };
}

function tailStart(text: string, lines: number): number {
  let at = text.length;
  for (let n = 0; n <= lines && at > 0; n++) at = text.lastIndexOf('\n', at - 1);
  return at <= 0 ? 0 : at + 1;
}
