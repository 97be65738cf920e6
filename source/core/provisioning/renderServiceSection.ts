import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { PlannedService, ProvisioningPlan } from './ProvisioningPlan.js';
import { renderDesktopService } from './renderDesktopService.js';
import {
  CODE_SERVER_CONFIG_PATH,
  codeServerConfigText,
  JUPYTER_CONFIG_PATH,
  jupyterConfigText,
  renderConfigFile,
} from './renderServiceConfigFile.js';
import { renderServiceSecrets, SECRET_CHECK_PATH } from './renderServiceSecrets.js';
import { shellQuote } from './shellQuote.js';

/** The RStudio Server release installed from Posit's download site. */
export const RSTUDIO_SERVER_VERSION = '2024.12.1-563';
/** The code-server release installed from its project's GitHub releases (no `curl | sh`). */
export const CODE_SERVER_VERSION = '4.96.4';

type WebService = Extract<PlannedService, { kind: 'jupyter' | 'code-server' | 'rstudio' }>;

const UNIT_DIR = '/etc/systemd/system';

/** The secret as an environment file systemd reads before it drops to the research user. */
const environmentFile = (name: string, variable: string, secret: string): string =>
  `printf '${variable}=%s\\n' "$(cat /etc/cws/${secret}.secret)" | cws_put 0600 /etc/cws/${name}.env`;

function unit(plan: ProvisioningPlan, name: string, description: string, execStart: string): string {
  const { user } = plan;
  // Every value here passed a whitelist without spaces, % or $, so systemd reads it as written.
  return `cws_put 0644 ${UNIT_DIR}/${name}.service <<'CWS_UNIT'
[Unit]
Description=${description} for ${user.name} (cws-tui)
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=${user.name}
Group=${user.gid}
WorkingDirectory=${user.home}
EnvironmentFile=/etc/cws/${name}.env
ExecStart=${execStart}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
CWS_UNIT`;
}

/** Started only when enabled; restarted only when its unit or secret changed (a re-run keeps kernels). */
const start = (service: WebService, unitName: string): string =>
  service.enable
    ? `if [ "$CWS_CHANGED" = 1 ]; then systemctl daemon-reload; fi\ncws_start ${unitName}`
    : `systemctl daemon-reload\ncws_note "${unitName} is installed but not enabled"`;

function renderCodeServerInstall(): string {
  const release = `https://github.com/coder/code-server/releases/download/v${CODE_SERVER_VERSION}`;
  const arch = '$(uname -m | sed "s/x86_64/amd64/;s/aarch64/arm64/")';
  return [
    `if [ ! -x /usr/local/lib/code-server-${CODE_SERVER_VERSION}/bin/code-server ]; then`,
    `  cws_fetch "${release}/code-server-${CODE_SERVER_VERSION}-linux-${arch}.tar.gz" /tmp/cws-code-server.tgz`,
    `  mkdir -p /usr/local/lib/code-server-${CODE_SERVER_VERSION}`,
    `  tar -xzf /tmp/cws-code-server.tgz -C /usr/local/lib/code-server-${CODE_SERVER_VERSION} --strip-components=1`,
    '  rm -f /tmp/cws-code-server.tgz',
    'fi',
    `ln -sfn /usr/local/lib/code-server-${CODE_SERVER_VERSION}/bin/code-server /usr/local/bin/code-server`,
  ].join('\n');
}

function renderRStudioInstall(plan: ProvisioningPlan): string[] {
  return plan.distro === 'ubuntu'
    ? [
        '  cws_rstudio_arch=$(dpkg --print-architecture)',
        `  cws_fetch "https://download2.rstudio.org/server/jammy/$cws_rstudio_arch/rstudio-server-${RSTUDIO_SERVER_VERSION}-$cws_rstudio_arch.deb" /tmp/cws-rstudio.deb`,
        `  cws_retry ${RETRY_ATTEMPTS} cws_apt install -y /tmp/cws-rstudio.deb`,
        '  rm -f /tmp/cws-rstudio.deb',
      ]
    : [
        `  cws_fetch "https://download2.rstudio.org/server/rhel9/$(uname -m)/rstudio-server-rhel-${RSTUDIO_SERVER_VERSION}-$(uname -m).rpm" /tmp/cws-rstudio.rpm`,
        `  cws_retry ${RETRY_ATTEMPTS} dnf install -y /tmp/cws-rstudio.rpm`,
        '  rm -f /tmp/cws-rstudio.rpm',
      ];
}

function renderWebService(plan: ProvisioningPlan, service: WebService): string {
  const { user } = plan;
  if (service.kind === 'jupyter') {
    // The template's settings are a config file; the app's own flags come after it and win.
    const config = service.settings.length > 0 ? ` --config=${JUPYTER_CONFIG_PATH}` : '';
    return [
      'CWS_CHANGED=0',
      ...(config ? [renderConfigFile(JUPYTER_CONFIG_PATH, jupyterConfigText(service.settings))] : []),
      environmentFile('cws-jupyter', 'JUPYTER_TOKEN', 'jupyter'),
      unit(
        plan,
        'cws-jupyter',
        'JupyterLab',
        `${service.binary} lab${config} --no-browser --ip=127.0.0.1 --port=${service.port} --ServerApp.root_dir=${user.home}`,
      ),
      start(service, 'cws-jupyter.service'),
    ].join('\n');
  }
  if (service.kind === 'code-server') {
    const config = service.settings.length > 0 ? ` --config=${CODE_SERVER_CONFIG_PATH}` : '';
    return [
      renderCodeServerInstall(),
      'CWS_CHANGED=0',
      ...(config ? [renderConfigFile(CODE_SERVER_CONFIG_PATH, codeServerConfigText(service.settings))] : []),
      environmentFile('cws-code-server', 'PASSWORD', 'code-server'),
      unit(
        plan,
        'cws-code-server',
        'code-server',
        `/usr/local/bin/code-server${config} --bind-addr=127.0.0.1:${service.port} --auth=password --disable-telemetry ${user.home}`,
      ),
      start(service, 'cws-code-server.service'),
    ].join('\n');
  }
  // rserver.conf is key=value to the end of the line, without quoting: values are printable text.
  const config = [
    'www-address=127.0.0.1',
    `www-port=${service.port}`,
    ...service.settings.map(({ key, value }) => `${key}=${String(value)}`),
  ];
  return [
    'if [ ! -x /usr/lib/rstudio-server/bin/rserver ]; then',
    ...renderRStudioInstall(plan),
    'fi',
    'CWS_CHANGED=0',
    `printf '%s\\n' ${config.map(shellQuote).join(' ')} | cws_put 0644 /etc/rstudio/rserver.conf`,
    // RStudio signs in through PAM's "rstudio" service: the per-service secret, never the Linux password.
    `cws_put 0644 /etc/pam.d/rstudio <<'CWS_PAM'`,
    `auth required pam_exec.so expose_authtok quiet ${SECRET_CHECK_PATH} rstudio`,
    'account required pam_permit.so',
    'session required pam_permit.so',
    'CWS_PAM',
    service.enable ? 'cws_start rstudio-server' : 'systemctl disable --now rstudio-server',
  ].join('\n');
}

/**
 * Each service as a systemd unit. JupyterLab and code-server run as the research user, bound to
 * 127.0.0.1 (reached through an SSH or SSM tunnel) with a secret the instance makes itself; RStudio
 * Server and the DCV desktop sign the research user in with their own per-service secret through
 * PAM. No secret is in the script: see renderServiceSecrets. Other names are system units.
 */
export function renderServiceSection(plan: ProvisioningPlan): string {
  const parts = [renderServiceSecrets(plan)];
  for (const service of plan.services) {
    if (service.kind === 'system') {
      const unitName = shellQuote(`${service.unit}.service`);
      parts.push(
        service.enable ? `systemctl enable --now ${unitName}` : `systemctl disable --now ${unitName} || true`,
      );
    } else if (service.kind === 'desktop') {
      parts.push(renderDesktopService(plan, service));
    } else {
      parts.push(renderWebService(plan, service));
    }
  }
  return `${parts.filter((part) => part !== '').join('\n')}\n`;
}
