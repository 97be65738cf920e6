import { Text } from 'ink';
import { useState } from 'react';
import { useActions } from '../app/keys/useActions.js';
import { useTheme } from '../app/ThemeContext.js';
import { DIALOG_CHROME_ROWS, Dialog } from './Dialog.js';

export interface ChoosableColumn {
  id: string;
  title: string;
  /** Always shown (the row's name): listed, but not hidden. */
  fixed?: boolean;
}

export interface ColumnChooserProps {
  columns: readonly ChoosableColumn[];
  hidden: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onClose: () => void;
}

export function columnChooserHeight(columns: readonly ChoosableColumn[]): number {
  return DIALOG_CHROME_ROWS + columns.length + 1;
}

/** Which columns a table shows: Space (or Enter) shows or hides the chosen one, Esc closes. */
export function ColumnChooser({ columns, hidden, onToggle, onClose }: ColumnChooserProps) {
  const theme = useTheme();
  const [chosen, setChosen] = useState(0);
  const move = (delta: number) => setChosen((at) => Math.max(0, Math.min(columns.length - 1, at + delta)));
  const toggle = () => {
    const column = columns[chosen];
    if (column && !column.fixed) onToggle(column.id);
  };
  useActions(
    [
      { key: ['down', 'j'], label: 'next', run: () => move(1) },
      { key: ['up', 'k'], label: 'previous', run: () => move(-1) },
      { key: ['space', 'enter'], label: 'show/hide', run: toggle },
      { key: 'esc', label: 'close', run: onClose },
    ],
    { layer: 'modal' },
  );
  return (
    <Dialog title="Columns" height={columnChooserHeight(columns)}>
      {columns.map((column, index) => (
        <Text
          key={column.id}
          wrap="truncate"
          bold={index === chosen}
          inverse={index === chosen && theme.color}
        >
          {index === chosen ? '> ' : '  '}[{hidden.has(column.id) ? ' ' : 'x'}]{' '}
          {column.title || 'badges (G GPU, S spot)'}
          {column.fixed ? ' (always)' : ''}
        </Text>
      ))}
      <Text wrap="truncate" color={theme.muted}>
        Space shows or hides · Esc closes · a column may still give way when the terminal is narrow
      </Text>
    </Dialog>
  );
}
