import { SHARED_GROUP_GID, SHARED_GROUP_NAME } from '../identity/uidRanges.js';
import { applyTemplateParameters } from '../templates/applyTemplateParameters.js';
import { resolveParameterValues } from '../templates/resolveParameterValues.js';
import { describeTemplateImage, isTemplateImageProblem } from '../templates/templateImage.js';
import type { ResolvedTemplate } from '../templates/templateSchema.js';
import type { ProvisioningDiagnostic } from './ProvisioningDiagnostic.js';
import type { PlannedEfsMount, PlannedIdleAgent, PlannedUser, ProvisioningPlan } from './ProvisioningPlan.js';
import { planFiles } from './planFiles.js';
import { planFsxMount } from './planFsxMount.js';
import { planServices } from './planServices.js';
import { planTemplateUsers } from './planTemplateUsers.js';
import { requirePostInstallDistro } from './postInstallDistros.js';
import { ScriptValueChecks } from './ScriptValueChecks.js';
import { templateSystemPackages } from './templateSystemPackages.js';
import { UnavailablePackagesError } from './UnavailablePackagesError.js';
import type { UserDataInput } from './UserDataInput.js';

export const MINIFORGE_PREFIX = '/opt/miniforge';
export const PYTHON_VENV_PREFIX = '/opt/cws-python';
export const DEFAULT_EFS_MOUNT_POINT = '/efs';
const DOCKER_PACKAGES = ['docker', 'docker.io', 'docker-ce'];
const MAX_IDLE_MINUTES = 7 * 24 * 60;

const list = (values: readonly string[] | undefined): string[] => [...(values ?? [])];

/**
 * Validates everything a boot script is made of and decides what it installs, so that rendering
 * is arrangement only. The template's parameters are filled first (launch values over defaults),
 * so every filled value meets the rule of the field it lands in. Throws `TemplateParameterError`
 * for parameter values that do not fit, `UnsafeScriptValueError` naming the field of the first
 * value that fails its whitelist (`UnsafeScriptValuesError` listing all of them when several do), and `UnavailablePackagesError` when the distro cannot install
 * the template. `options.samples` stands in for parameters without a default (template validation).
 */
export function planProvisioning(
  input: UserDataInput,
  options: { samples?: boolean } = {},
): ProvisioningPlan {
  const { distro } = input;
  const values = resolveParameterValues(input.template, input.parameters ?? {}, options);
  const template = applyTemplateParameters(input.template, values);
  const diagnostics: ProvisioningDiagnostic[] = [];
  const checks = new ScriptValueChecks();
  const slug = checks.safe('template.slug', template.slug, 'slug');
  const launchId = checks.safe('launch_id', input.launch_id, 'launchId');
  requirePostInstallDistro(template, distro);
  const user = planUser(input, checks);
  const packages = template.packages ?? {};

  // Validated here; templateSystemPackages maps the same list.
  for (const [index, name] of (packages.system ?? []).entries()) {
    checks.safe(`packages.system[${index}]`, name, 'systemPackage');
  }
  const condaSpecs = list(packages.conda).map((spec, index) =>
    checks.safe(`packages.conda[${index}]`, spec, 'condaPackage'),
  );
  const pipSpecs = list(packages.pip).map((spec, index) =>
    checks.safe(`packages.pip[${index}]`, spec, 'pipPackage'),
  );
  const rPackages = list(packages.r).map((name, index) =>
    checks.safe(`packages.r[${index}]`, name, 'rPackage'),
  );
  if ((packages.spack ?? []).length > 0) {
    diagnostics.push({
      level: 'warning',
      field: 'packages.spack',
      message: 'spack packages are not installed by the boot script; install them in post_install',
    });
  }

  const usesConda = condaSpecs.length > 0 || template.package_manager === 'conda';
  const services = planServices(
    template.services ?? [],
    usesConda ? `${MINIFORGE_PREFIX}/bin/jupyter` : `${PYTHON_VENV_PREFIX}/bin/jupyter`,
    diagnostics,
    checks,
  );
  const wantsJupyter = services.some((service) => service.kind === 'jupyter');
  if (wantsJupyter && usesConda && !condaSpecs.some((spec) => /^jupyterlab\b/.test(spec)))
    condaSpecs.push('jupyterlab');
  if (wantsJupyter && !usesConda && !pipSpecs.some((spec) => /^jupyterlab\b/i.test(spec)))
    pipSpecs.push('jupyterlab');
  const pipInto = usesConda ? 'conda' : 'venv';

  const system = templateSystemPackages(template, distro, {
    efs: input.efs !== undefined,
    pythonVenv: pipSpecs.length > 0 && pipInto === 'venv',
  });
  const installsDocker = system.packages.some((name) => DOCKER_PACKAGES.includes(name));
  if (installsDocker && !services.some((service) => service.kind === 'system' && service.unit === 'docker')) {
    services.push({ kind: 'system', unit: 'docker', enable: true });
  }

  const efs = input.efs ? planEfs(input, diagnostics, checks) : undefined;
  const fsx = input.fsx ? planFsxMount(input.fsx, checks) : undefined;
  const idle = planIdleAgent(template, diagnostics, checks);
  reportIgnoredFields(template, diagnostics);
  const files = planFiles(template.files ?? [], values, user, diagnostics, checks);
  const templateUsers = planTemplateUsers(
    template.users ?? [],
    user,
    diagnostics,
    checks,
    template.research_user,
  );
  const parameters = [...values].map(([name, value]) => ({
    name: checks.safe('parameters', name, 'parameterName'),
    value: checks.safe(`parameters.${name}`, value, 'parameterValue'),
  }));
  // Every refused value at once, so validation can point at each of them.
  checks.throwIfRefused();
  if (system.unavailable.length > 0) throw new UnavailablePackagesError(slug, distro, system.unavailable);

  return {
    distro,
    slug,
    launchId,
    user,
    sharedGroup: { name: SHARED_GROUP_NAME, gid: SHARED_GROUP_GID },
    system: { packages: system.packages, groups: system.groups, repositories: system.repositories },
    prebuilt: isPrebuiltImage(template, distro),
    ...(efs ? { efs } : {}),
    ...(fsx ? { fsx } : {}),
    ...(usesConda ? { conda: condaSpecs } : {}),
    ...(pipSpecs.length > 0 ? { pip: { packages: pipSpecs, into: pipInto } } : {}),
    r: rPackages,
    files,
    templateUsers,
    ...(template.post_install?.trim() ? { postInstall: template.post_install } : {}),
    parameters,
    services,
    ...(idle ? { idle } : {}),
    cloudwatchAgent: template.cloudwatch_agent === true,
    gpu: services.some((service) => service.kind === 'desktop') ? 'graphics' : 'compute',
    diagnostics,
  };
}

/** The template's image already has its software, and the script is made for that image's Linux. */
function isPrebuiltImage(template: ResolvedTemplate, distro: UserDataInput['distro']): boolean {
  const image = describeTemplateImage(template);
  // Fixed AMIs whose Linux is read at launch are the template's own, prebuilt image.
  if (isTemplateImageProblem(image)) return image.atLaunch === true;
  return image.prebuilt && image.distro === distro;
}

function planUser({ user }: UserDataInput, checks: ScriptValueChecks): PlannedUser {
  const name = checks.safe('user.username', user.username, 'posixName');
  return {
    name,
    fullName: checks.safe('user.full_name', user.full_name ?? '', 'fullName'),
    uid: checks.accountId('user.uid', user.uid),
    gid: checks.accountId('user.gid', user.gid),
    shell: checks.safe('user.shell', user.shell, 'shell'),
    home: `/home/${name}`,
    sshKeys: user.ssh_public_keys.map((key, index) =>
      checks.safe(`user.ssh_public_keys[${index}]`, key.trim(), 'sshPublicKey'),
    ),
    admin: user.groups.includes('admin'),
    optionalGroups: user.groups
      .map((group, index) => checks.safe(`user.groups[${index}]`, group, 'posixName'))
      .filter((group) => group !== 'admin'),
  };
}

function planEfs(
  input: UserDataInput,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): PlannedEfsMount {
  const efs = input.efs!;
  const accessPointId =
    efs.access_point_id === undefined
      ? undefined
      : checks.safe('efs.access_point_id', efs.access_point_id, 'accessPointId');
  const helper = input.distro === 'al2023' ? 'installed' : 'if-present';
  if (helper === 'if-present') {
    diagnostics.push({
      level: 'warning',
      field: 'efs',
      message: `amazon-efs-utils is not packaged for ${input.distro}: the mount uses TLS${accessPointId ? ' and the access point' : ''} only if the image has the helper, otherwise plain NFS 4.1 with the user's fixed UID`,
    });
  }
  return {
    fileSystemId: checks.safe('efs.file_system_id', efs.file_system_id, 'fileSystemId'),
    ...(accessPointId ? { accessPointId } : {}),
    region: checks.safe('efs.region', efs.region, 'region'),
    mountPoint: checks.safe('efs.mount_point', efs.mount_point ?? DEFAULT_EFS_MOUNT_POINT, 'absolutePath'),
    helper,
  };
}

/**
 * Idle detection is on when the template has an `idle_detection` block not marked
 * `enabled: false`. The agent hibernates at the hibernate threshold when there is one, and
 * otherwise stops at the idle threshold; an idle threshold below the hibernate one marks the
 * instance idle (tag `cws:idle-since`) so the dashboard can show it before it hibernates.
 */
function planIdleAgent(
  template: ResolvedTemplate,
  diagnostics: ProvisioningDiagnostic[],
  checks: ScriptValueChecks,
): PlannedIdleAgent | undefined {
  const idle = template.idle_detection;
  if (idle === undefined || idle.enabled === false) return undefined;
  const minutes = (field: string, value: number) =>
    checks.positiveInteger(`idle_detection.${field}`, value, MAX_IDLE_MINUTES);
  const hibernate = idle.hibernate_threshold_minutes;
  let threshold = idle.idle_threshold_minutes;
  if (threshold === undefined && hibernate === undefined) {
    threshold = 60;
    diagnostics.push({
      level: 'info',
      field: 'idle_detection',
      message: 'no idle threshold given: the workstation stops after 60 idle minutes',
    });
  }
  return {
    ...(threshold !== undefined ? { idleMinutes: minutes('idle_threshold_minutes', threshold) } : {}),
    ...(hibernate !== undefined
      ? { hibernateMinutes: minutes('hibernate_threshold_minutes', hibernate) }
      : {}),
    intervalMinutes: minutes('check_interval_minutes', idle.check_interval_minutes ?? 5),
  };
}

function reportIgnoredFields(template: ResolvedTemplate, diagnostics: ProvisioningDiagnostic[]) {
  if (template.user_data?.trim()) {
    diagnostics.push({
      level: 'warning',
      field: 'user_data',
      message: 'user_data is not run: post_install is the only free shell text a template contributes',
    });
  }
  if (template.service_config && Object.keys(template.service_config).length > 0) {
    diagnostics.push({
      level: 'info',
      field: 'service_config',
      message: "service_config is not applied by the boot script; use each service's config",
    });
  }
}
