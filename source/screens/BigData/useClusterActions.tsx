import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import { CONFIRM_DIALOG_HEIGHT, ConfirmDialog } from '../../components/ConfirmDialog.js';
import {
  type ClusterStep,
  type EmrCluster,
  isEndedCluster,
  isFinalStepState,
} from '../../core/bigdata/clusterPorts.js';
import { sanitizeForTerminal as safe } from '../../core/text/sanitizeForTerminal.js';
import type { ClusterRow, StepRow } from './clusterColumns.js';

interface ClusterActionsInput {
  view: 'applications' | 'runs' | 'clusters' | 'steps';
  cursorIndex: number;
  clusters: readonly ClusterRow[];
  steps: readonly StepRow[];
  selected: string | undefined;
  onNotice: (text: string) => void;
  onLog: (text: string | undefined) => void;
  reload: () => void;
  openSteps: (clusterId: string) => void;
}

/** What a step ran, and why it failed: the page's `l` for a step. */
function stepText(step: ClusterStep): string {
  return [`${step.state}: ${step.args.join(' ')}`, ...(step.failure ? [step.failure] : [])].join('\n');
}

/**
 * The :bigdata page's keys for EMR clusters: Enter opens a cluster's steps, `l` shows a step, `x`
 * cancels it and ctrl+d terminates the cluster, both after its name is typed.
 */
export function useClusterActions(input: ClusterActionsInput): {
  actions: Action[];
  cluster: EmrCluster | undefined;
  step: ClusterStep | undefined;
} {
  const shell = useShell();
  const port = shell.session.account.bigdata.clusters;
  const { view, cursorIndex } = input;
  const cluster =
    view === 'clusters'
      ? input.clusters[cursorIndex]?.cluster
      : (input.clusters.find((row) => row.cluster.id === input.selected)?.cluster ??
        input.clusters[0]?.cluster);
  const step = view === 'steps' && cursorIndex !== -1 ? input.steps[cursorIndex]?.step : undefined;

  const confirm = (title: string, message: string, name: string, act: () => Promise<void>, done: string) =>
    shell.showModal({
      height: CONFIRM_DIALOG_HEIGHT,
      node: (
        <ConfirmDialog
          title={title}
          message={message}
          confirmText={name}
          onCancel={shell.closeModal}
          onConfirm={() => {
            shell.closeModal();
            act().then(
              () => {
                input.onNotice(done);
                input.reload();
              },
              (error: unknown) => input.onNotice(describeError(error).message),
            );
          }}
        />
      ),
    });

  const actions: Action[] = [
    {
      key: 'enter',
      label: 'open steps',
      when: () => view === 'clusters' && cluster !== undefined,
      run: () => {
        if (cluster) input.openSteps(cluster.id);
      },
    },
    {
      key: 'l',
      label: 'show step',
      when: () => step !== undefined,
      run: () => {
        if (step) input.onLog(stepText(step));
      },
    },
    {
      key: 'x',
      label: 'cancel step',
      dangerous: true,
      mutates: true,
      when: () => step !== undefined && cluster !== undefined && !isFinalStepState(step.state),
      run: () => {
        if (!step || !cluster) return;
        confirm(
          `Cancel step ${safe(step.name)}?`,
          `The step stops; the cluster ${safe(cluster.name)} keeps running.`,
          cluster.name,
          () => port.cancelStep(cluster.region, cluster.id, step.id),
          `cancelling ${step.id}`,
        );
      },
    },
    {
      key: 'ctrl+d',
      label: 'terminate',
      dangerous: true,
      mutates: true,
      when: () => view === 'clusters' && cluster !== undefined && !isEndedCluster(cluster.state),
      run: () => {
        if (!cluster) return;
        confirm(
          `Terminate cluster ${safe(cluster.name)}?`,
          'Its nodes and HDFS data go; what its steps wrote to S3 stays.',
          cluster.name,
          () => port.terminateCluster(cluster.region, cluster.id),
          `terminating ${cluster.name}`,
        );
      },
    },
  ];
  return { actions, cluster, step };
}
