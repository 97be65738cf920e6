import { Text } from 'ink';
import { useActions } from '../../app/keys/useActions.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

export const QUESTION_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 2;

export interface QuestionDialogProps {
  title: string;
  question: string;
  onYes: () => void;
  onNo: () => void;
}

/** A yes-or-no question: y or Enter answers yes, n or Esc no. */
export function QuestionDialog({ title, question, onYes, onNo }: QuestionDialogProps) {
  const theme = useTheme();
  useActions(
    [
      { key: ['y', 'enter'], label: 'yes', run: onYes },
      { key: ['n', 'esc'], label: 'no', run: onNo },
    ],
    { layer: 'modal' },
  );
  return (
    <Dialog title={sanitizeForTerminal(title)} height={QUESTION_DIALOG_HEIGHT}>
      <Text wrap="truncate">{sanitizeForTerminal(question)}</Text>
      <Text wrap="truncate" color={theme.muted}>
        y or Enter: yes · n or Esc: no
      </Text>
    </Dialog>
  );
}
