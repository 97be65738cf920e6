import type { PlannedService, ProvisioningPlan } from './ProvisioningPlan.js';
import { SECRET_CHECK_PATH } from './renderServiceSecrets.js';

type DesktopService = Extract<PlannedService, { kind: 'desktop' }>;

/**
 * The Amazon DCV server (installed by the template's post_install) set up by the script: the whole
 * dcv.conf is written, so a re-run never duplicates a section; sign-in goes through PAM's
 * "cws-desktop" service, which checks the desktop secret and leaves the Linux password locked. With
 * an NVIDIA GPU the research user gets the console session; without one there is no X server to
 * share, so a virtual session (Xdcv) is created for them instead.
 */
export function renderDesktopService(plan: ProvisioningPlan, service: DesktopService): string {
  const { user } = plan;
  if (!service.enable) return 'systemctl disable --now dcvserver.service || true';
  return `if ! command -v dcv >/dev/null 2>&1; then
  cws_warn "the DCV server is not installed (see post_install); the desktop is not set up"
  exit 1
fi
CWS_CHANGED=0
if [ -f /etc/dcv/dcv.conf ] && [ ! -f /etc/dcv/dcv.conf.cws-original ]; then
  cp /etc/dcv/dcv.conf /etc/dcv/dcv.conf.cws-original
fi
cws_dcv_console=false
if cws_gpu_present; then cws_dcv_console=true; fi
cws_put 0644 /etc/dcv/dcv.conf <<CWS_DCV
[session-management]
create-session = $cws_dcv_console

[session-management/automatic-console-session]
owner = "${user.name}"

[connectivity]
web-port = ${service.port}

[security]
authentication = "system"
pam-service-name = "cws-desktop"
CWS_DCV
cws_put 0644 /etc/pam.d/cws-desktop <<'CWS_PAM'
auth required pam_exec.so expose_authtok quiet ${SECRET_CHECK_PATH} desktop
account required pam_permit.so
session required pam_permit.so
CWS_PAM
if getent group dcv >/dev/null; then
  chgrp dcv /etc/cws/desktop.secret
  chmod 0640 /etc/cws/desktop.secret
fi
cws_start dcvserver.service
if [ "$cws_dcv_console" = false ]; then
  cws_put 0755 /usr/local/sbin/cws-dcv-session <<'CWS_SESSION'
#!/bin/bash
dcv list-sessions 2>/dev/null | grep -q "'desktop'" || dcv create-session --type=virtual --owner ${user.name} --user ${user.name} desktop
CWS_SESSION
  cws_put 0644 /etc/systemd/system/cws-dcv-session.service <<'CWS_UNIT'
[Unit]
Description=cws-tui: a virtual DCV session for ${user.name} (no GPU console to share)
After=dcvserver.service
Requires=dcvserver.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/cws-dcv-session

[Install]
WantedBy=multi-user.target
CWS_UNIT
  systemctl daemon-reload
  cws_start cws-dcv-session.service
fi`;
}
