import { connectNow } from '../app/connect/connectNow.js';
import { ensureLabStudio, requireLabStudio } from '../core/bigdata/labStudio.js';
import type { EmrStudio } from '../core/bigdata/ports.js';
import { browserAvailability } from '../core/connect/browserAvailability.js';
import type { ConnectionPlan } from '../core/connect/ConnectionPlan.js';
import { renderConnectionPlan } from '../core/connect/renderConnectionPlan.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { bigDataContextOf } from './bigdataSession.js';
import { EXIT, usageError } from './CliError.js';
import type { CommandContext } from './Command.js';
import { openCommandSession } from './openCommandSession.js';

export const STUDIO_USAGE = 'bigdata studio create|show|connect [--region R] [--print] [--json]';

/** `cws-tui bigdata studio ...`: the lab's EMR Studio, made once per region, and its link. */
export async function runBigdataStudioCommand(context: CommandContext, rest: string[]): Promise<number> {
  const [sub, ...extra] = rest;
  if (!sub || extra.length > 0 || !['create', 'show', 'connect'].includes(sub))
    throw usageError(
      `${sub && !extra.length ? `unknown studio subcommand '${sub}'\n` : ''}usage: cws-tui ${STUDIO_USAGE}`,
    );
  const session = await openCommandSession(context);
  const bigdata = bigDataContextOf(session);
  const region = context.flags.region ?? session.info.region;
  if (sub === 'create') {
    const { studio, created } = await ensureLabStudio(bigdata, region);
    if (context.flags.json) context.stdout(`${JSON.stringify({ ...studio, created }, null, 2)}\n`);
    else
      context.stdout(
        `${created ? 'Created' : 'The lab already has'} EMR Studio ${sanitizeForTerminal(studio.name)} (${studio.id}) in ${region}.\n` +
          `Open it: cws-tui bigdata studio connect${context.flags.region ? ` --region ${region}` : ''}\n`,
      );
    return EXIT.ok;
  }
  const studio = await requireLabStudio(bigdata, region);
  if (context.flags.json) {
    context.stdout(`${JSON.stringify(studio, null, 2)}\n`);
    return EXIT.ok;
  }
  if (sub === 'show') {
    context.stdout(describeStudio(studio));
    return EXIT.ok;
  }
  const plan: Extract<ConnectionPlan, { kind: 'url' }> = {
    kind: 'url',
    url: studio.url,
    open:
      !context.flags.print && browserAvailability(context.env, process.platform).local ? 'browser' : 'show',
    note: 'Sign in with your AWS identity; create or open your Workspace there and attach it to a Spark application.',
  };
  const terminal = process.stdout.isTTY === true;
  // The link (OSC 8) and the copy (OSC 52) go through unfiltered; the plan's fields are sanitized.
  const out = context.terminalStdout ?? context.stdout;
  if (context.flags.print) {
    out(renderConnectionPlan(plan, { terminal, env: context.env }));
    return EXIT.ok;
  }
  return connectNow(plan, { terminal, env: context.env, stdout: out, stderr: context.stderr });
}

function describeStudio(studio: EmrStudio): string {
  const lines = [
    `${studio.name} (${studio.id}) in ${studio.region}: ${studio.auth_mode} sign-in`,
    `  url         ${studio.url}`,
    `  network     ${studio.vpc_id} (subnets ${studio.subnet_ids.join(', ')})`,
    ...(studio.workspace_location ? [`  workspaces  ${studio.workspace_location}`] : []),
    ...(studio.created_at ? [`  created     ${studio.created_at}`] : []),
  ];
  return `${lines.map((line) => sanitizeForTerminal(line)).join('\n')}\n`;
}
