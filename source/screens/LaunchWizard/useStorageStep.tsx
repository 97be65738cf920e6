import { useEffect, useMemo } from 'react';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { useListCursor } from '../../components/useListCursor.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import { StorageStepView } from './StorageStepView.js';
import type { WizardStepContext, WizardStepView } from './WizardStepView.js';

/** Step 3 of an EC2 launch: the root volume (typed) and an EFS file system to mount (or none). */
export function useStorageStep(
  context: WizardStepContext,
  { choices, reload }: { choices?: LaunchChoices; reload: () => void },
): WizardStepView {
  const { state, dispatch, bodyHeight, back } = context;
  // The file systems are listed again on entering the step: one made since the wizard opened shows.
  const entered = state.step === 'storage';
  useEffect(() => {
    if (entered) reload();
  }, [entered, reload]);
  const keys = useMemo(() => ['none', ...(choices?.file_systems.map((fs) => fs.id) ?? [])], [choices]);
  const cursor = useListCursor(keys, bodyHeight - 4);
  return {
    actions: [
      ...cursor.actions.map((action) => ({ ...action, label: `EFS ${action.label}` })),
      {
        key: 'enter',
        label: 'next',
        when: () => choices !== undefined,
        run: () => {
          const id = cursor.selectedKey;
          dispatch({ type: 'confirm-storage', ...(id && id !== 'none' ? { file_system_id: id } : {}) });
        },
      },
      { key: 'r', label: 'refresh EFS', run: reload },
      back,
    ],
    // Digits (and Backspace) type the root volume; any other key is left to the step's actions.
    onText: (text, keyName) => {
      if (keyName === 'backspace') dispatch({ type: 'erase-root-volume' });
      else if (/^\d+$/.test(text)) dispatch({ type: 'type-root-volume', text });
      else return false;
      return true;
    },
    body: choices ? (
      <StorageStepView
        choices={choices}
        rootVolume={state.root_volume}
        efsIndex={Math.max(0, cursor.index)}
        height={bodyHeight}
      />
    ) : (
      <WaitSpinner label="Loading file systems…" />
    ),
  };
}
