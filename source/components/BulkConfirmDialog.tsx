import { Text } from 'ink';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';

export interface BulkConfirmDialogProps {
  title: string;
  /** The names it acts on, shown on one line. */
  names: readonly string[];
  onConfirm: () => void;
  onCancel: () => void;
}

export const BULK_CONFIRM_DIALOG_HEIGHT = DIALOG_CHROME_ROWS + 2;

/** Asks before one key acts on several marked rows: Enter goes ahead, Esc leaves them as they are. */
export function BulkConfirmDialog({ title, names, onConfirm, onCancel }: BulkConfirmDialogProps) {
  const theme = useTheme();
  useActions(
    [
      { key: 'enter', label: 'go ahead', dangerous: true, run: onConfirm },
      { key: 'esc', label: 'cancel', run: onCancel },
    ],
    { layer: 'modal' },
  );
  return (
    <Dialog title={sanitizeForTerminal(title)} height={BULK_CONFIRM_DIALOG_HEIGHT} dangerous>
      <Text wrap="truncate">{names.map((name) => sanitizeForTerminal(name)).join(', ')}</Text>
      <Text wrap="truncate" color={theme.muted}>
        Enter goes ahead · Esc cancels
      </Text>
    </Dialog>
  );
}
