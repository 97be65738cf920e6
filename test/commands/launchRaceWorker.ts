// Run as a separate process by teamLaunchRaces.test.ts: `cws-tui launch` on the demo account in
// the environment it is given, started together with the others ("go" on stdin). Prints
// {"ok": exit code 0} or {"error": what the launch printed}.
import { createInterface } from 'node:readline';
import { runLaunchCommand } from '../../source/commands/launchCommand.js';
import { runCommand } from './commandHarness.js';

const [envJson, mode, profile, index] = process.argv.slice(2) as [
  string,
  'same' | 'distinct',
  string,
  string,
];
const env = JSON.parse(envJson) as NodeJS.ProcessEnv;
// As the real command line has it: the SDK's credential chain reads the process environment.
Object.assign(process.env, env);
const name = mode === 'same' ? 'same' : `ws-${index}`;

process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    const outcome = await runCommand(runLaunchCommand, ['ubuntu-24-04', name], env, {
      demo: true,
      ...(profile !== '-' ? { profile } : {}),
    });
    process.stdout.write(
      `${JSON.stringify(outcome.code === 0 ? { ok: /\((i-[0-9a-f]+)\)/.exec(outcome.stdout)?.[1] } : { error: outcome.stderr })}\n`,
    );
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: (error as Error).message })}\n`);
  }
  break;
}
lines.close();
