import { type Dispatch, useRef } from 'react';
import { useShell } from '../../app/ShellContext.js';
import { useAppStore } from '../../app/store/useAppState.js';
import type { LaunchProgress } from '../../core/launch/LaunchProgress.js';
import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import type { WizardTemplateKind } from './LaunchWizardState.js';
import type { LaunchWizardEvent } from './launchWizardReducer.js';
import { wizardFailure } from './wizardFailure.js';

/**
 * Runs the wizard's launch through the session's one pipeline (EC2 or managed service), reporting
 * each step to the wizard, once at a time however often Enter is pressed.
 */
export function useWizardLaunch(
  dispatch: Dispatch<LaunchWizardEvent>,
): (request: LaunchRequest, kind: WizardTemplateKind) => void {
  const shell = useShell();
  const store = useAppStore();
  const launchingRef = useRef(false);
  return (request, kind) => {
    if (launchingRef.current) return;
    launchingRef.current = true;
    const { session } = shell;
    dispatch({ type: 'launch-started' });
    const report = (progress: LaunchProgress) => dispatch({ type: 'progress', progress });
    const launched =
      kind === 'ec2'
        ? session.launch(request, report).then((result) => result.workstation)
        : session.launchService(request, report).then((result) => result.workstation);
    launched.then(
      (workstation) => {
        launchingRef.current = false;
        dispatch({ type: 'launched', id: workstation.id, name: workstation.name, state: workstation.state });
        store.flash('success', `Launched ${workstation.name}: ${workstation.state}`);
        shell.refreshNow();
      },
      (error: unknown) => {
        launchingRef.current = false;
        const failure = wizardFailure(error);
        dispatch({ type: 'launch-failed', failure });
        store.flash('error', `Launch of ${request.name} failed: ${failure.message}`, failure.hint);
        shell.refreshNow();
      },
    );
  };
}
