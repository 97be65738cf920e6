import { Text } from 'ink';
import { useActions } from '../../app/keys/useActions.js';
import { sanitizeForTerminal } from '../../app/sanitizeForTerminal.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { sshCommandFor } from './sshCommandFor.js';

export interface ConnectHintProps {
  workstation: Workstation;
  onClose: () => void;
}

export const CONNECT_HINT_HEIGHT = DIALOG_CHROME_ROWS + 2;

/** How to get into a workstation: the SSH command to copy. */
export function ConnectHint({ workstation, onClose }: ConnectHintProps) {
  const theme = useTheme();
  useActions(
    [
      { key: 'esc', label: 'close', run: onClose },
      { key: 'enter', label: 'close', footer: false, run: onClose },
    ],
    { layer: 'modal' },
  );
  const ssh = sshCommandFor(workstation);
  return (
    <Dialog title={`Connect to ${sanitizeForTerminal(workstation.name)}`} height={CONNECT_HINT_HEIGHT}>
      {'command' in ssh ? (
        <Text wrap="truncate" bold>
          {sanitizeForTerminal(ssh.command)}
        </Text>
      ) : (
        <Text wrap="truncate" color={theme.warning}>
          {ssh.problem}
        </Text>
      )}
      <Text wrap="truncate" color={theme.muted}>
        Esc closes
      </Text>
    </Dialog>
  );
}
