import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { shellQuote } from './shellQuote.js';

/** PAM's check of a per-service secret (RStudio, the desktop): never the Linux password. */
export const SECRET_CHECK_PATH = '/usr/local/sbin/cws-check-secret';
/** Where, in the research user's home, the instance keeps a copy of each secret for them. */
export const USER_SECRET_DIR = '.cws-tui';

/** The secret each web service signs in with, by the name it has in Parameter Store. */
export function serviceSecretNames(plan: Pick<ProvisioningPlan, 'services'>): string[] {
  return plan.services.flatMap((service) => (service.kind === 'system' ? [] : [service.kind]));
}

/**
 * Each web service's secret is made on the instance at first boot (kept across re-runs), never in
 * the user data: root's copy in /etc/cws, the research user's in ~/.cws-tui, and a SecureString at
 * `/cws-tui/<instance-id>/<service>` that only this instance's role may write and `connect` reads
 * with the user's credentials. When Parameter Store cannot be reached the secret stays on the
 * instance and the boot says where.
 */
export function renderServiceSecrets(plan: ProvisioningPlan): string {
  const names = serviceSecretNames(plan);
  if (names.length === 0) return '';
  const { user } = plan;
  const userDir = shellQuote(`${user.home}/${USER_SECRET_DIR}`);
  return `cws_service_secret() {
  local file=/etc/cws/$1.secret
  if [ ! -s "$file" ]; then
    install -m 0600 /dev/null "$file"
    od -An -N24 -tx1 /dev/urandom | tr -d ' \\n' >"$file"
  fi
  install -d -m 0700 -o ${user.uid} -g ${user.gid} ${userDir}
  install -m 0600 -o ${user.uid} -g ${user.gid} "$file" ${userDir}/"$1.secret"
  if cws_retry ${RETRY_ATTEMPTS} cws_store_secret "$1" "$file" ${user.name} >/dev/null 2>&1; then
    cws_note "the $1 secret is stored in Parameter Store for connect"
  else
    cws_warn "could not store the $1 secret in Parameter Store; it is in ~/${USER_SECRET_DIR}/$1.secret on the instance"
  fi
}
cws_put 0755 ${SECRET_CHECK_PATH} <<'CWS_CHECK'
#!/bin/bash
# pam_exec with expose_authtok: the password on stdin, the user in PAM_USER; it must be the
# research user's secret for the service named by $1.
[ "\${PAM_USER:-}" = ${user.name} ] || exit 1
[ "\${PAM_TYPE:-auth}" = auth ] || exit 0
IFS= read -r -d '' given || true
expected=$(cat "/etc/cws/$1.secret" 2>/dev/null) || exit 1
[ -n "$expected" ] && [ "$given" = "$expected" ]
CWS_CHECK
${names.map((name) => `cws_service_secret ${name}`).join('\n')}
`;
}
