import { RETRY_ATTEMPTS } from './instanceShellLibrary.js';
import type { ProvisioningPlan } from './ProvisioningPlan.js';
import { MINIFORGE_PREFIX, PYTHON_VENV_PREFIX } from './planProvisioning.js';
import { REBOOT_STATUS, STATE_DIR } from './renderPrelude.js';

const NVIDIA_REPOSITORY = {
  rocky: 'https://developer.download.nvidia.com/compute/cuda/repos/rhel9/$(uname -m)/cuda-rhel9.repo',
  al2023: 'https://developer.download.nvidia.com/compute/cuda/repos/amzn2023/$(uname -m)/cuda-amzn2023.repo',
} as const;

function installDriver(plan: ProvisioningPlan): string[] {
  if (plan.distro === 'ubuntu') {
    // The desktop wants the graphics driver; compute wants the server (GPGPU) one.
    const flavour = plan.gpu === 'graphics' ? '' : ' --gpgpu';
    return [
      `  cws_retry ${RETRY_ATTEMPTS} cws_apt install -y ubuntu-drivers-common`,
      `  cws_retry ${RETRY_ATTEMPTS} ubuntu-drivers install${flavour}`,
    ];
  }
  return [
    `  compgen -G '/etc/yum.repos.d/cuda-*.repo' >/dev/null || dnf config-manager --add-repo "${NVIDIA_REPOSITORY[plan.distro]}"`,
    `  cws_retry ${RETRY_ATTEMPTS} dnf install -y "kernel-devel-$(uname -r)" "kernel-headers-$(uname -r)"`,
    `  cws_retry ${RETRY_ATTEMPTS} dnf module install -y nvidia-driver:latest-dkms`,
  ];
}

/**
 * The NVIDIA driver, on any size with an NVIDIA GPU (found by PCI vendor id, without lspci), before
 * conda and pip: conda-forge picks CUDA builds from the driver it sees. When the module does not
 * load at once, the script reboots and resumes (markers in the state dir stop a second reboot).
 */
export function renderGpuDriverSection(plan: ProvisioningPlan): string {
  return `if ! cws_gpu_present; then
  cws_note "no NVIDIA GPU"
  return 0
fi
if nvidia-smi >/dev/null 2>&1; then
  cws_note "the NVIDIA driver is loaded"
  return 0
fi
if [ ! -f ${STATE_DIR}/gpu-driver.installed ]; then
${installDriver(plan).join('\n')}
  touch ${STATE_DIR}/gpu-driver.installed
fi
if modprobe nvidia 2>/dev/null && nvidia-smi >/dev/null 2>&1; then
  cws_note "the NVIDIA driver is loaded"
  return 0
fi
if [ -f ${STATE_DIR}/gpu-driver.rebooted ]; then
  cws_warn "the NVIDIA driver does not load, even after a reboot"
  return 1
fi
touch ${STATE_DIR}/gpu-driver.rebooted
exit ${REBOOT_STATUS}
`;
}

/** On a GPU, whether PyTorch sees it (a CPU-only build would not), told in the `cws:gpu` tag. */
export function renderGpuCheckSection(plan: ProvisioningPlan): string {
  const python = plan.conda
    ? `${MINIFORGE_PREFIX}/bin/python`
    : plan.pip
      ? `${PYTHON_VENV_PREFIX}/bin/python`
      : undefined;
  if (!python) return '';
  return `if ! cws_gpu_present || ! ${python} -c 'import torch' >/dev/null 2>&1; then
  return 0
fi
if ${python} -c 'import sys, torch; sys.exit(0 if torch.cuda.is_available() else 1)'; then
  cws_note "PyTorch sees the GPU"
  cws_tag cws:gpu torch-cuda
else
  cws_warn "PyTorch does not see the GPU: a CPU-only build, or no driver"
  cws_tag cws:gpu torch-cpu-only
  return 1
fi
`;
}
