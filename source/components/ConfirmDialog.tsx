import { Text } from 'ink';
import { useState } from 'react';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';
import { TextField } from './TextField.js';
import { useTextInput } from './useTextInput.js';

export interface ConfirmDialogProps {
  title: string;
  message: string;
  /** What must be typed to confirm (a workstation's name). */
  confirmText: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export const CONFIRM_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 3;

/** A typed confirmation: the action runs only once the exact name is typed and Enter pressed. */
export function ConfirmDialog({ title, message, confirmText, onConfirm, onCancel }: ConfirmDialogProps) {
  const theme = useTheme();
  const input = useTextInput();
  const [mismatch, setMismatch] = useState(false);
  useActions(
    [
      {
        key: 'enter',
        label: 'confirm',
        dangerous: true,
        run: () => {
          if (input.current() === confirmText) onConfirm();
          else setMismatch(true);
        },
      },
      { key: 'esc', label: 'cancel', run: onCancel },
      ...input.actions,
    ],
    {
      layer: 'modal',
      typing: true,
      bufferedText: true,
      onText: (text, keyName) => {
        setMismatch(false);
        input.onText(text, keyName);
        return true;
      },
    },
  );
  const name = sanitizeForTerminal(confirmText);
  return (
    <Dialog title={sanitizeForTerminal(title)} height={CONFIRM_DIALOG_HEIGHT} dangerous>
      <Text wrap="truncate">{sanitizeForTerminal(message)}</Text>
      <Text wrap="truncate">
        Type <Text bold>{name}</Text> to confirm: <TextField state={input.state} width={40} />
      </Text>
      <Text wrap="truncate" color={mismatch ? theme.danger : theme.muted}>
        {mismatch
          ? `That is not "${name}". Type the name exactly, or Esc to cancel.`
          : 'Enter confirms · Esc cancels'}
      </Text>
    </Dialog>
  );
}
