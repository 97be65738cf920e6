import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { STATE_DIR } from './renderPrelude.js';
import { shellQuote } from './shellQuote.js';

/** A here-document delimiter that no line of `text` equals, so the text cannot end it early. */
export function heredocDelimiter(base: string, text: string): string {
  const lines = new Set(text.split('\n'));
  let delimiter = base;
  for (let suffix = 1; lines.has(delimiter); suffix += 1) delimiter = `${base}_${suffix}`;
  return delimiter;
}

/**
 * The template's post_install, verbatim as its author wrote it: the only free shell text in the
 * script. It is written to its own file through a quoted here-document (nothing in it expands
 * there) and run by its own bash with \`-e\`, once: a syntax error in it cannot break this script,
 * and a reboot does not run it again.
 */
export function renderPostInstallSection(plan: ProvisioningPlan): string {
  if (plan.postInstall === undefined) return '';
  const text = plan.postInstall.endsWith('\n') ? plan.postInstall : `${plan.postInstall}\n`;
  const delimiter = heredocDelimiter('CWS_POST_INSTALL', text);
  const done = `${STATE_DIR}/post-install.done`;
  const environment = [
    `CWS_USER=${plan.user.name}`,
    `CWS_HOME=${plan.user.home}`,
    `CWS_UID=${plan.user.uid}`,
    ...plan.parameters.map(({ name, value }) => `CWS_PARAM_${name}=${value}`),
  ];
  return `if [ -f ${done} ]; then
  cws_note "post_install already ran; not run again"
else
cat >${STATE_DIR}/post-install.sh <<'${delimiter}'
${text}${delimiter}
env ${environment.map(shellQuote).join(' ')} bash -e ${STATE_DIR}/post-install.sh
touch ${done}
fi
`;
}
