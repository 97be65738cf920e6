import type { DetailsSection } from '../../components/DetailsPanel.js';
import { formatUsd } from '../../core/cost/formatUsd.js';
import type { ExecResult } from '../../core/exec/execOnWorkstations.js';
import { IDLE_POLICY_TAG } from '../../core/idle/idlePolicies.js';
import { IDLE_TAG } from '../../core/idle/idleSavings.js';
import { describeExpression } from '../../core/idle/idleSchedule.js';
import { readWorkstationLogs } from '../../core/logs/readWorkstationLogs.js';
import type { OperationsContext } from '../../core/operations/OperationsContext.js';
import { priceSnapshot } from '../../core/snapshots/snapshotOperations.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { isRootVolume } from '../../core/volumes/volumeRules.js';
import type { Workstation } from '../../core/workstations/Workstation.js';

export const OPS_TABS = ['Logs', 'Volumes', 'Snapshots', 'Idle', 'Exec'] as const;
export type OpsTab = (typeof OPS_TABS)[number];

const LOG_LINES = 200;

function textRows(text: string): Array<readonly [string, string]> {
  return sanitizeForTerminal(text, { keepNewlines: true })
    .split('\n')
    .filter((line, index, all) => line !== '' || index < all.length - 1)
    .map((line) => ['', line] as const);
}

/** The sections a tab of the operations page shows for one workstation, read now. */
export async function opsTabSections(
  ops: OperationsContext,
  workstation: Workstation,
  tab: OpsTab,
  lastExec: ExecResult | undefined,
): Promise<DetailsSection[]> {
  switch (tab) {
    case 'Logs': {
      let text = '';
      const running = workstation.state === 'running';
      await readWorkstationLogs(ops.account, workstation, running ? { kind: 'setup' } : { kind: 'boot' }, {
        lines: LOG_LINES,
        follow: false,
        intervalMs: ops.pollIntervalMs,
        onText: (chunk) => {
          text += chunk;
        },
      });
      return [
        {
          title: running ? 'Setup log (/var/log/cws-setup.log)' : 'Console output (not running)',
          rows: textRows(text),
        },
      ];
    }
    case 'Volumes': {
      const volumes = (
        await ops.account.blockStorage.listVolumes([workstation.region], { instance_ids: [workstation.id] })
      ).filter((v) => v.attachments.some((a) => a.instance_id === workstation.id));
      return [
        {
          title: 'Volumes',
          rows: volumes.map((v) => [
            v.attachments.find((a) => a.instance_id === workstation.id)?.device ?? '-',
            `${v.id} ${isRootVolume(v) ? 'root' : sanitizeForTerminal(v.name)} ${v.size_gb} GB ${v.type} ${v.state}`,
          ]),
        },
      ];
    }
    case 'Snapshots': {
      const volumeIds = new Set(
        (
          await ops.account.blockStorage.listVolumes([workstation.region], { instance_ids: [workstation.id] })
        ).map((v) => v.id),
      );
      const snapshots = (await ops.account.blockStorage.listSnapshots([workstation.region]))
        .filter((s) => s.tags['cws:workstation'] === workstation.name || volumeIds.has(s.volume_id))
        .map(priceSnapshot);
      return [
        {
          title: 'Snapshots',
          rows: snapshots.map((s) => [
            s.started_at.slice(0, 16).replace('T', ' '),
            `${s.id} ${s.role ?? ''} ${s.size_gb} GB ${s.state === 'pending' ? `pending ${s.progress}` : s.state}, <= ${formatUsd(s.monthly_usd)}/month`,
          ]),
        },
      ];
    }
    case 'Idle': {
      const tags = workstation.instance?.tags ?? {};
      const schedules = (await ops.account.schedules.listSchedules(workstation.region)).filter(
        (s) => s.instance_id === workstation.id,
      );
      const value = (text: string | undefined) => sanitizeForTerminal(text ?? '-');
      return [
        {
          title: 'Idle agent',
          rows: [
            ['Policy', value(tags[IDLE_POLICY_TAG] ?? 'template default')],
            ['Idle since', value(tags[IDLE_TAG.since])],
            [
              'Last action',
              value(
                tags[IDLE_TAG.action] ? `${tags[IDLE_TAG.action]} at ${tags[IDLE_TAG.at] ?? '?'}` : undefined,
              ),
            ],
            ['Reason', value(tags[IDLE_TAG.reason])],
          ],
        },
        {
          title: 'Schedules',
          rows: schedules.map((s) => [
            s.action,
            `${describeExpression(s.expression)} ${s.time_zone}${s.enabled ? '' : ' (disabled)'}`,
          ]),
        },
      ];
    }
    case 'Exec': {
      if (!lastExec)
        return [{ title: 'Exec', rows: [['', 'x runs a command as the research user (through SSM)']] }];
      return [
        {
          title: `Exec as ${lastExec.run_as}: ${lastExec.status}${lastExec.exit_code === undefined ? '' : `, exit ${lastExec.exit_code}`}`,
          rows: [
            ...textRows(lastExec.stdout),
            ...textRows(lastExec.stderr).map(([, line]) => ['stderr', line] as const),
          ],
        },
      ];
    }
  }
}
