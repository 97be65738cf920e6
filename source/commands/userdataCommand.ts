import { defaultResearchUsername } from '../app/session/defaultResearchUsername.js';
import type { ResearchUser } from '../core/identity/ResearchUser.js';
import { ResearchUserStoreError } from '../core/identity/ResearchUserStoreError.js';
import { UID_RANGE_START } from '../core/identity/uidRanges.js';
import type { Distro } from '../core/images/baseImages.js';
import { USER_DATA_LIMIT_BYTES } from '../core/provisioning/encodeUserDataPayload.js';
import { PostInstallDistroError } from '../core/provisioning/postInstallDistros.js';
import { renderUserData } from '../core/provisioning/renderUserData.js';
import { serviceSecretParameter } from '../core/provisioning/serviceSecretParameter.js';
import { DISTROS, supportedDistros } from '../core/provisioning/supportedDistros.js';
import { UnavailablePackagesError } from '../core/provisioning/UnavailablePackagesError.js';
import { UnsafeScriptValueError } from '../core/provisioning/UnsafeScriptValueError.js';
import type { EfsMountRequest, UserDataInput } from '../core/provisioning/UserDataInput.js';
import { UserDataTooLargeError } from '../core/provisioning/UserDataTooLargeError.js';
import { loadTemplateRegistry } from '../core/templates/loadTemplateRegistry.js';
import {
  resolveTemplate,
  TemplateResolutionError,
  UnknownTemplateError,
} from '../core/templates/resolveTemplate.js';
import { TemplateImageError, templateDistro } from '../core/templates/templateImage.js';
import type { ResolvedTemplate } from '../core/templates/templateSchema.js';
import { templateSearchPath } from '../core/templates/templateSearchPath.js';
import { CliError, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { openTeamForCommand } from './openTeamForCommand.js';
import { parseParamFlags } from './parseParamFlags.js';

const USAGE =
  'usage: cws-tui userdata --template <slug> [--user <research user>] [--distro ubuntu|rocky|al2023] [--param k=v]... [--efs fs-... [--access-point fsap-...]] [--region R] [--json]';

/** The launch id a preview script carries; a real launch puts its request id there. */
const PREVIEW_LAUNCH_ID = 'preview';

async function loadTemplate(context: CommandContext, slug: string): Promise<ResolvedTemplate> {
  const registry = await loadTemplateRegistry({ searchPath: templateSearchPath(context.env) });
  try {
    return resolveTemplate(slug, registry);
  } catch (error) {
    if (error instanceof UnknownTemplateError || error instanceof TemplateResolutionError) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

/**
 * The named research user, else the one a launch would use (named after the login). A user that
 * does not exist yet is previewed with the first UID of the range and no key, as a launch would
 * create it.
 */
async function researchUserFor(context: CommandContext): Promise<ResearchUser> {
  const store = (await openTeamForCommand(context)).users;
  const username = context.flags.user ?? defaultResearchUsername(context.env);
  let user: ResearchUser | undefined;
  try {
    user = await store.get(username);
  } catch (error) {
    if (error instanceof ResearchUserStoreError) throw new CliError(error.message);
    throw error;
  }
  if (user) return user;
  if (context.flags.user) {
    throw new CliError(`no research user '${username}'; create it with 'cws-tui users create ${username}'`);
  }
  context.stderr(
    `cws-tui: research user '${username}' does not exist yet: previewing with UID ${UID_RANGE_START} and no SSH key\n`,
  );
  return {
    username,
    uid: UID_RANGE_START,
    gid: UID_RANGE_START,
    groups: [],
    shell: '/bin/bash',
    ssh_public_keys: [],
    created_at: new Date().toISOString(),
  };
}

function distroFor(context: CommandContext, template: ResolvedTemplate): Distro {
  const wanted = context.flags.distro;
  if (wanted !== undefined) {
    const distro = DISTROS.find((candidate) => candidate === wanted);
    if (!distro) throw usageError(`--distro is one of ${DISTROS.join(', ')}, not '${wanted}'`);
    return distro;
  }
  try {
    return templateDistro(template);
  } catch (error) {
    // Fixed AMIs that name no Linux are asked at launch; here the person says which.
    if (error instanceof TemplateImageError)
      throw usageError(`${error.message}; or pass --distro ${DISTROS.join('|')}`);
    throw error;
  }
}

function efsFor(context: CommandContext): EfsMountRequest | undefined {
  const { efs, accessPoint, region } = context.flags;
  if (efs === undefined) {
    if (accessPoint !== undefined) throw usageError('--access-point needs --efs <file system id>');
    return undefined;
  }
  const efsRegion = region ?? context.env.AWS_REGION ?? context.env.AWS_DEFAULT_REGION;
  if (!efsRegion) throw usageError("--efs needs the file system's region: --region or AWS_REGION");
  return {
    file_system_id: efs,
    region: efsRegion,
    ...(accessPoint !== undefined ? { access_point_id: accessPoint } : {}),
  };
}

function render(input: UserDataInput): ReturnType<typeof renderUserData> {
  try {
    return renderUserData(input);
  } catch (error) {
    if (
      error instanceof UnsafeScriptValueError ||
      error instanceof UnavailablePackagesError ||
      error instanceof PostInstallDistroError ||
      error instanceof UserDataTooLargeError
    ) {
      throw new CliError(error.message);
    }
    throw error;
  }
}

/** `cws-tui userdata`: prints the boot script a launch would send, with its size, for inspection. */
export const runUserdataCommand: CommandRun = async (context) => {
  const { flags, args, stdout, stderr } = context;
  if (args.length > 0 || !flags.template) throw usageError(USAGE);
  const template = await loadTemplate(context, flags.template);
  if (template.base === undefined) {
    throw new CliError(
      `template '${template.slug}' has no base image: it is a managed service, with no boot script`,
    );
  }
  const distro = distroFor(context, template);
  const efs = efsFor(context);
  const parameters = parseParamFlags(flags.param);
  const user = await researchUserFor(context);
  const userData = render({
    template,
    distro,
    user,
    launch_id: PREVIEW_LAUNCH_ID,
    ...(efs ? { efs } : {}),
    ...(parameters ? { parameters } : {}),
  });
  if (flags.json) {
    stdout(
      `${JSON.stringify(
        {
          template: template.slug,
          distro,
          supported_distros: supportedDistros(template),
          research_user: user.username,
          bytes: userData.bytes,
          compressed: userData.compressed,
          payload_bytes: userData.payload.length,
          limit_bytes: USER_DATA_LIMIT_BYTES,
          sections: userData.sections,
          service_secrets: userData.service_secrets,
          diagnostics: userData.diagnostics,
          script: userData.script,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  stdout(userData.script);
  for (const diagnostic of userData.diagnostics) {
    stderr(`cws-tui: ${diagnostic.level}: ${diagnostic.field}: ${diagnostic.message}\n`);
  }
  for (const secret of userData.service_secrets) {
    stderr(
      `cws-tui: no ${secret} secret in this script: the workstation makes it at boot and stores it in Parameter Store as ${serviceSecretParameter('<instance-id>', secret)}, where connect reads it\n`,
    );
  }
  const sent = userData.compressed
    ? `sent gzip-compressed as ${userData.payload.length} bytes`
    : 'sent as is';
  stderr(
    `cws-tui: ${template.slug} on ${distro} for ${user.username}: ${userData.bytes} bytes, ${sent} (EC2 limit ${USER_DATA_LIMIT_BYTES})\n`,
  );
  return 0;
};
