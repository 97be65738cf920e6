import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';

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
  const [typed, setTypedState] = useState('');
  // What was typed so far, read by Enter even when it arrives before the next frame.
  const typedRef = useRef('');
  const setTyped = (next: string) => {
    typedRef.current = next;
    setTypedState(next);
  };
  const [mismatch, setMismatch] = useState(false);
  useActions(
    [
      {
        key: 'enter',
        label: 'confirm',
        dangerous: true,
        run: () => {
          if (typedRef.current === confirmText) onConfirm();
          else setMismatch(true);
        },
      },
      { key: 'esc', label: 'cancel', run: onCancel },
    ],
    {
      layer: 'modal',
      typing: true,
      onText: (text, keyName) => {
        setMismatch(false);
        if (keyName === 'backspace') setTyped(typedRef.current.slice(0, -1));
        else if (keyName === 'space') setTyped(`${typedRef.current} `);
        else if (text.length > 0 && !text.startsWith('\u001B')) setTyped(typedRef.current + text);
        return true;
      },
    },
  );
  const name = sanitizeForTerminal(confirmText);
  return (
    <Dialog title={sanitizeForTerminal(title)} height={CONFIRM_DIALOG_HEIGHT} dangerous>
      <Text wrap="truncate">{sanitizeForTerminal(message)}</Text>
      <Text wrap="truncate">
        Type <Text bold>{name}</Text> to confirm:{' '}
        <Text inverse={theme.color}>{sanitizeForTerminal(typed)}</Text>
        {theme.color ? '' : '_'}
      </Text>
      <Text wrap="truncate" color={mismatch ? theme.danger : theme.muted}>
        {mismatch
          ? `That is not "${name}". Type the name exactly, or Esc to cancel.`
          : 'Enter confirms · Esc cancels'}
      </Text>
    </Dialog>
  );
}
