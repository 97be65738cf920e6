import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useActions } from '../../app/keys/useActions.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/TextField.js';
import { useTextInput } from '../../components/useTextInput.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

export const TEXT_PROMPT_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 3;

export interface TextPromptDialogProps {
  title: string;
  /** What to type, in one line. */
  prompt: string;
  /** Cells the typed text may take; a longer text (a pasted token) shows its end. */
  width: number;
  /** Resolves with a problem to show (the dialog stays open) or undefined once done. */
  onSubmit: (text: string) => Promise<string | undefined>;
  onCancel: () => void;
}

/**
 * One line of text (a pasted invitation token, a username): it takes every key while open, so `q`
 * or `:` are typed rather than acted on. Enter submits; a refusal is shown and the text kept.
 */
export function TextPromptDialog({ title, prompt, width, onSubmit, onCancel }: TextPromptDialogProps) {
  const theme = useTheme();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const input = useTextInput();
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  useActions(
    [
      {
        key: 'enter',
        label: 'ok',
        run: () => {
          if (busyRef.current) return;
          busyRef.current = true;
          setBusy(true);
          void onSubmit(input.current()).then((refusal) => {
            busyRef.current = false;
            setBusy(false);
            setProblem(refusal);
          });
        },
      },
      { key: 'esc', label: 'cancel', run: onCancel },
      ...input.actions,
    ],
    {
      layer: 'modal',
      typing: true,
      bufferedText: true,
      onText: (typed, keyName) => {
        setProblem(undefined);
        input.onText(typed, keyName);
        return true;
      },
    },
  );
  const fieldWidth = Math.max(8, width - 6);
  return (
    <Dialog title={title} height={TEXT_PROMPT_DIALOG_HEIGHT}>
      <Text wrap="truncate">{prompt}</Text>
      <Text wrap="truncate">
        <TextField state={input.state} width={fieldWidth} />
      </Text>
      <Text wrap="truncate" color={problem ? theme.danger : theme.muted}>
        {busy ? 'Working…' : problem ? sanitizeForTerminal(problem) : 'Enter confirms · Esc cancels'}
      </Text>
    </Dialog>
  );
}
