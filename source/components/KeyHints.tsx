import { Text } from 'ink';
import { type Action, keysOf } from '../app/keys/Action.js';
import { useTheme } from '../app/ThemeContext.js';
import { fitKeyHints, keyHintText } from './fitKeyHints.js';

export { keyHintText } from './fitKeyHints.js';

export interface KeyHintsProps {
  actions: readonly Action[];
  /** Cells the footer has; the hints that do not fit give way to `? more`. */
  width?: number;
  /** A text field has the keys: said first, since `q` or `:` are typed rather than obeyed. */
  typing?: boolean;
}

const TYPING = 'typing ·';

/** The footer: the keys that work here, from the same action maps the help page lists. */
export function KeyHints({ actions, width = Number.POSITIVE_INFINITY, typing = false }: KeyHintsProps) {
  const theme = useTheme();
  const room = typing ? width - TYPING.length - 1 : width;
  const { shown, more } = fitKeyHints(actions, room);
  return (
    <Text wrap="truncate">
      {typing ? <Text color={theme.warning}>{TYPING} </Text> : null}
      {shown.map((action, index) => {
        const [keys, ...label] = keyHintText(action).split(' ');
        return (
          <Text key={`${keysOf(action).join('/')}-${action.label}`}>
            {index === 0 ? '' : '  '}
            <Text bold color={action.dangerous ? theme.danger : theme.accent}>
              {keys}
            </Text>{' '}
            {label.join(' ')}
          </Text>
        );
      })}
      {more ? (
        <Text>
          {shown.length > 0 ? '  ' : ''}
          <Text bold color={theme.accent}>
            ?
          </Text>{' '}
          more
        </Text>
      ) : null}
    </Text>
  );
}
