import type { CostFinding, CostFindingSource } from '../cost/CostFinding.js';
import { listStorageCostFindings } from './listStorageCostFindings.js';

/** Storage's findings (FSx and EFS) in `cost findings`: the same rules as `storage findings`. */
export const storageFindingSource: CostFindingSource = {
  service: 'Storage',
  async list({ account, regions, now, workstations }): Promise<CostFinding[]> {
    const findings = await listStorageCostFindings(account, regions, await workstations(), now);
    return findings.map((finding) => ({
      service: finding.kind === 'efs-without-ia' ? 'EFS' : 'FSx',
      resource: finding.name ? `${finding.name} (${finding.file_system_id})` : finding.file_system_id,
      kind: finding.kind,
      what: finding.why,
      monthly_saving_usd: finding.monthly_saving_usd,
      fix: finding.command,
    }));
  },
};
