import { setTimeout as sleep } from 'node:timers/promises';
import type { Distro } from '../core/images/baseImages.js';
import { saveImage } from '../core/images/saveImage.js';
import { resolveAppPaths } from '../core/paths.js';
import { loadTemplateRegistry } from '../core/templates/loadTemplateRegistry.js';
import { resolveTemplate } from '../core/templates/resolveTemplate.js';
import { templateDistro } from '../core/templates/templateImage.js';
import { templateSearchPath } from '../core/templates/templateSearchPath.js';
import type { Workstation } from '../core/workstations/Workstation.js';
import { CliError, usageError } from './CliError.js';
import { findWorkstationByName } from './findWorkstationByName.js';
import {
  confirm,
  type OperationCommandContext,
  operationCommand,
  printJson,
} from './operations/operationCommand.js';

const USAGE = 'usage: cws-tui image save <workstation> --as-template <slug> [--stop-first] [--yes] [--json]';
const STOP_TIMEOUT_MS = 10 * 60_000;

/**
 * `cws-tui image save`: an AMI of a tuned workstation and a template that launches it, so the
 * environment can be relaunched or shared.
 */
export const runImageCommand = operationCommand(async (context) => {
  const [sub, name, ...extra] = context.args;
  if (sub !== 'save' || !name || extra.length > 0 || !context.flags.asTemplate) throw usageError(USAGE);
  let workstation = await findWorkstationByName(context.session, name);
  const slug = context.flags.asTemplate;
  await confirm(
    context,
    `Save ${workstation.name} as an image and the template '${slug}'?${context.flags.stopFirst && workstation.state === 'running' ? ' It is stopped first.' : ''} Images are billed as snapshots of its volumes.`,
  );
  if (context.flags.stopFirst && workstation.state !== 'stopped')
    workstation = await stopAndWait(context, workstation);
  if (workstation.state === 'running' && !context.flags.json) {
    context.stderr(
      'cws-tui: imaging a running workstation without a reboot: the image is crash-consistent (use --stop-first for a clean one)\n',
    );
  }
  const saved = await saveImage(context.ops, workstation, {
    slug,
    templates_dir: resolveAppPaths(context.env).userTemplatesDir,
    reboot: false,
    ...(await distroOfTemplate(context, workstation.template)),
  });
  if (context.flags.json) printJson(context, saved);
  else {
    context.stdout(`Creating ${saved.image.id} (${saved.image.state}) from ${workstation.name}\n`);
    context.stdout(`Wrote the template ${saved.template_path} (base: ami-based)\n`);
  }
  return 0;
});

/** The Linux of the workstation's template, when that template still resolves here. */
async function distroOfTemplate(
  context: OperationCommandContext,
  slug: string,
): Promise<{ distro?: Distro }> {
  try {
    const registry = await loadTemplateRegistry({ searchPath: templateSearchPath(context.env) });
    return { distro: templateDistro(resolveTemplate(slug, registry)) };
  } catch {
    // The saved template then asks for ami_config.distro when it is validated.
    return {};
  }
}

async function stopAndWait(context: OperationCommandContext, workstation: Workstation): Promise<Workstation> {
  await context.session.stopWorkstation(workstation, { hibernate: false });
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  for (;;) {
    const now = await context.session.refreshWorkstation(workstation);
    if (now?.state === 'stopped') return now;
    if (!now || now.state === 'terminated') throw new CliError(`${workstation.name} is gone`);
    if (Date.now() > deadline)
      throw new CliError(`${workstation.name} is still ${now.state} after 10 minutes`);
    await sleep(context.ops.pollIntervalMs);
  }
}
