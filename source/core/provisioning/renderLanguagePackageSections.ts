import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { MINIFORGE_PREFIX, PYTHON_VENV_PREFIX } from './planProvisioning.js';
import { shellQuote } from './shellQuote.js';

/** Miniforge's installer; conda-forge publishes its SHA-256 next to it. */
const MINIFORGE_URL =
  'https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-Linux-$(uname -m).sh';

const quoteAll = (values: readonly string[]): string => values.map(shellQuote).join(' ');

/** Miniforge (conda-forge's installer) into /opt, on everyone's PATH; `-u` resumes a cut-off install. */
export function renderCondaSection(plan: ProvisioningPlan): string {
  if (!plan.conda) return '';
  const lines = [
    `if [ ! -x ${MINIFORGE_PREFIX}/bin/conda ]; then`,
    `  cws_fetch "${MINIFORGE_URL}" /tmp/cws-miniforge.sh "${MINIFORGE_URL}.sha256"`,
    `  bash /tmp/cws-miniforge.sh -b -u -p ${MINIFORGE_PREFIX}`,
    '  rm -f /tmp/cws-miniforge.sh',
    'fi',
    `printf '%s\\n' '. ${MINIFORGE_PREFIX}/etc/profile.d/conda.sh' >/etc/profile.d/cws-conda.sh`,
  ];
  if (plan.conda.length > 0) {
    lines.push(
      `cws_retry ${RETRY_ATTEMPTS} ${MINIFORGE_PREFIX}/bin/conda install --yes --quiet ${quoteAll(plan.conda)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * pip packages go into Miniforge's Python when conda is in use, otherwise into a venv in /opt: the
 * distros' own Python refuses system-wide pip installs (PEP 668) on Ubuntu 24.04.
 */
export function renderPipSection(plan: ProvisioningPlan): string {
  if (!plan.pip) return '';
  const lines: string[] = [];
  let pip = `${MINIFORGE_PREFIX}/bin/pip`;
  if (plan.pip.into === 'venv') {
    pip = `${PYTHON_VENV_PREFIX}/bin/pip`;
    lines.push(
      `[ -x ${pip} ] || python3 -m venv ${PYTHON_VENV_PREFIX}`,
      "cat >/etc/profile.d/cws-python.sh <<'CWS_PROFILE'",
      `PATH="$PATH:${PYTHON_VENV_PREFIX}/bin"`,
      'CWS_PROFILE',
    );
  }
  lines.push(`cws_retry ${RETRY_ATTEMPTS} ${pip} install --no-input ${quoteAll(plan.pip.packages)}`);
  return `${lines.join('\n')}\n`;
}

/** CRAN packages not already installed; R's install.packages only warns, so missing ones fail here. */
export function renderRSection(plan: ProvisioningPlan): string {
  if (plan.r.length === 0) return '';
  const vector = `c(${plan.r.map((name) => `"${name}"`).join(', ')})`;
  const program = [
    `wanted <- ${vector}`,
    'missing <- wanted[!vapply(wanted, requireNamespace, logical(1), quietly = TRUE)]',
    'if (length(missing)) install.packages(missing, repos = "https://cloud.r-project.org", Ncpus = parallel::detectCores())',
    'failed <- wanted[!vapply(wanted, requireNamespace, logical(1), quietly = TRUE)]',
    'if (length(failed)) { message("R packages not installed: ", paste(failed, collapse = ", ")); quit(status = 1) }',
  ].join('; ');
  return `Rscript -e ${shellQuote(program)}\n`;
}
