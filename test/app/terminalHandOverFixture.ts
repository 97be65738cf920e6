import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { handOverTerminal, runInTerminal } from '../../source/app/terminalHandOver.js';
import { createTerminalScreen } from '../../source/app/terminalScreen.js';

/**
 * A stand-in for the full-screen app, run inside tmux by terminalHandOver.test.ts: it takes the
 * alternate screen and raw mode, hands the terminal to a shell that records its tty settings and
 * reads a line, and reports what it got back. It quits on the next key.
 */
const dir = process.argv[2] ?? '.';
const log = (line: string) => appendFileSync(join(dir, 'log'), `${line}\n`);
const screen = createTerminalScreen(process.stdout);
screen.enter();
process.stdin.setRawMode(true);
process.stdout.write('APP-SCREEN\r\n');
log(`before raw=${process.stdin.isRaw}`);
const child = `echo CHILD-SAYS-HI; stty -a > ${join(dir, 'stty')}; read line; echo "$line" > ${join(dir, 'got')}; exit 7`;
const code = await handOverTerminal(() => runInTerminal(['sh', '-c', child]), {
  screen,
  input: process.stdin,
  redraw: () => process.stdout.write('APP-REDRAWN\r\n'),
});
log(`after code=${code} raw=${process.stdin.isRaw}`);
process.stdin.once('data', () => {
  screen.restore();
  process.stdin.setRawMode(false);
  process.exit(0);
});
