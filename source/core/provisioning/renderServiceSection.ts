import type { PlannedService, ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/** The RStudio Server release installed from Posit's download site. */
export const RSTUDIO_SERVER_VERSION = '2024.12.1-563';

type WebService = Exclude<PlannedService, { kind: 'system' }>;

const UNIT_DIR = '/etc/systemd/system';

/** Token files are root's: systemd reads them before it drops to the research user. */
function environmentFile(name: string, variable: string, secret: string): string {
  return [
    `install -m 0600 /dev/null /etc/cws/${name}.env`,
    `printf '%s\\n' ${shellQuote(`${variable}=${secret}`)} >/etc/cws/${name}.env`,
  ].join('\n');
}

function unit(plan: ProvisioningPlan, name: string, description: string, execStart: string): string {
  const { user } = plan;
  // Every value here passed a whitelist without spaces, % or $, so systemd reads it as written.
  return `cat >${UNIT_DIR}/${name}.service <<'CWS_UNIT'
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

const flags = (options: [string, string][]): string =>
  options.map(([key, value]) => ` --${key}=${value}`).join('');

function renderWebService(plan: ProvisioningPlan, service: WebService): string {
  const { user } = plan;
  const start = (unitName: string) =>
    service.enable
      ? `systemctl enable ${unitName}\nsystemctl restart ${unitName}`
      : `cws_note "${unitName} is installed but not enabled"`;
  if (service.kind === 'jupyter') {
    return [
      environmentFile('cws-jupyter', 'JUPYTER_TOKEN', service.token),
      unit(
        plan,
        'cws-jupyter',
        'JupyterLab',
        `${service.binary} lab --no-browser --ip=127.0.0.1 --port=${service.port} --ServerApp.root_dir=${user.home}${flags(service.options)}`,
      ),
      'systemctl daemon-reload',
      start('cws-jupyter.service'),
    ].join('\n');
  }
  if (service.kind === 'code-server') {
    return [
      '[ -x /usr/local/bin/code-server ] || curl -fsSL https://code-server.dev/install.sh | sh -s -- --method=standalone --prefix=/usr/local',
      environmentFile('cws-code-server', 'PASSWORD', service.token),
      unit(
        plan,
        'cws-code-server',
        'code-server',
        `/usr/local/bin/code-server --bind-addr=127.0.0.1:${service.port} --auth=password --disable-telemetry${flags(service.options)} ${user.home}`,
      ),
      'systemctl daemon-reload',
      start('cws-code-server.service'),
    ].join('\n');
  }
  const download =
    plan.distro === 'ubuntu'
      ? [
          '  cws_rstudio_arch=$(dpkg --print-architecture)',
          `  cws_retry 3 curl -fsSL -o /tmp/cws-rstudio.deb "https://download2.rstudio.org/server/jammy/$cws_rstudio_arch/rstudio-server-${RSTUDIO_SERVER_VERSION}-$cws_rstudio_arch.deb"`,
          '  cws_retry 3 apt-get -o DPkg::Lock::Timeout=600 install -y /tmp/cws-rstudio.deb',
          '  rm -f /tmp/cws-rstudio.deb',
        ]
      : [
          `  cws_retry 3 curl -fsSL -o /tmp/cws-rstudio.rpm "https://download2.rstudio.org/server/rhel9/$(uname -m)/rstudio-server-rhel-${RSTUDIO_SERVER_VERSION}-$(uname -m).rpm"`,
          '  cws_retry 3 dnf install -y /tmp/cws-rstudio.rpm',
          '  rm -f /tmp/cws-rstudio.rpm',
        ];
  const config = [['www-address', '127.0.0.1'], ['www-port', String(service.port)], ...service.options].map(
    ([key, value]) => `${key}=${value}`,
  );
  return [
    'if [ ! -x /usr/lib/rstudio-server/bin/rserver ]; then',
    ...download,
    'fi',
    'mkdir -p /etc/rstudio',
    `printf '%s\\n' ${config.map(shellQuote).join(' ')} >/etc/rstudio/rserver.conf`,
    "# RStudio signs in with the research user's own account; this password is theirs, kept by cws-tui.",
    `printf '%s\\n' ${shellQuote(`${user.name}:${service.password}`)} | chpasswd`,
    service.enable
      ? 'systemctl enable rstudio-server\nsystemctl restart rstudio-server'
      : 'systemctl disable --now rstudio-server',
  ].join('\n');
}

/**
 * Each service as a systemd unit: JupyterLab and code-server run as the research user, bound to
 * 127.0.0.1 with a generated token (reached through an SSH or SSM tunnel); RStudio Server binds to
 * 127.0.0.1 and signs in with the user's own account. Other names are system units from packages.
 */
export function renderServiceSection(plan: ProvisioningPlan): string {
  const parts = ['cws_mark services'];
  for (const service of plan.services) {
    if (service.kind === 'system') {
      const unitName = shellQuote(`${service.unit}.service`);
      parts.push(
        service.enable ? `systemctl enable --now ${unitName}` : `systemctl disable --now ${unitName} || true`,
      );
    } else {
      parts.push(renderWebService(plan, service));
    }
  }
  return `${parts.join('\n')}\n`;
}
