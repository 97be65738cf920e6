import type { ServiceHealth } from '../../core/services/ServiceHealth.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

/** An EC2 workstation's health, from its state and the boot script's progress tag. */
export function ec2ServiceHealth(workstation: Workstation): ServiceHealth {
  if (workstation.state !== 'running')
    return { status: 'stopped', detail: `the instance is ${workstation.state}` };
  if (workstation.progress === 'ready') return { status: 'healthy', detail: 'setup reported ready' };
  if (workstation.progress?.startsWith('degraded:')) {
    // Finished without some optional parts: usable, with the idle agent running; say which.
    return {
      status: 'unhealthy',
      detail: `setup finished without ${workstation.progress.slice('degraded:'.length).replaceAll(',', ', ')} (see /var/log/cws-setup.log)`,
    };
  }
  if (workstation.progress?.startsWith('failed'))
    return { status: 'unhealthy', detail: workstation.progress };
  return {
    status: 'starting',
    detail: workstation.progress ? `setup: ${workstation.progress}` : 'setup has not reported yet',
  };
}
