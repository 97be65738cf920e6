import { Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { useActions } from '../../app/keys/useActions.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import { fitText } from '../../components/fitText.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

export const TEXT_PROMPT_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 3;
const REDRAW_MS = 16;

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
  const [text, setTextState] = useState('');
  // What was typed so far, read by Enter even when it arrives before the next frame. A paste comes
  // one key at a time: the field is redrawn once per frame, not once per character.
  const textRef = useRef('');
  const redrawRef = useRef<NodeJS.Timeout | undefined>(undefined);
  const setText = (next: string) => {
    textRef.current = next;
    redrawRef.current ??= setTimeout(() => {
      redrawRef.current = undefined;
      setTextState(textRef.current);
    }, REDRAW_MS);
  };
  useEffect(() => () => clearTimeout(redrawRef.current), []);
  const [problem, setProblem] = useState<string | undefined>(undefined);
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
          void onSubmit(textRef.current).then((refusal) => {
            busyRef.current = false;
            setBusy(false);
            setProblem(refusal);
          });
        },
      },
      { key: 'esc', label: 'cancel', run: onCancel },
    ],
    {
      layer: 'modal',
      typing: true,
      onText: (typed, keyName) => {
        setProblem(undefined);
        if (keyName === 'backspace') setText(textRef.current.slice(0, -1));
        else if (keyName === 'space') setText(`${textRef.current} `);
        else if (typed.length > 0 && !typed.startsWith('\u001B')) setText(textRef.current + typed);
        return true;
      },
    },
  );
  const fieldWidth = Math.max(8, width - 6);
  const chars = Array.from(sanitizeForTerminal(text));
  const shown = chars.length >= fieldWidth ? `…${chars.slice(-(fieldWidth - 2)).join('')}` : chars.join('');
  return (
    <Dialog title={title} height={TEXT_PROMPT_DIALOG_HEIGHT}>
      <Text wrap="truncate">{prompt}</Text>
      <Text wrap="truncate">
        <Text inverse={theme.color}>{fitText(shown, fieldWidth)}</Text>
        {theme.color ? '' : '_'}
      </Text>
      <Text wrap="truncate" color={problem ? theme.danger : theme.muted}>
        {busy ? 'Working…' : problem ? sanitizeForTerminal(problem) : 'Enter confirms · Esc cancels'}
      </Text>
    </Dialog>
  );
}
