import { Text } from 'ink';
import { type Action, keysOf } from '../app/keys/Action.js';
import { formatKey } from '../app/keys/formatKey.js';
import { useTheme } from '../app/ThemeContext.js';

export interface KeyHintsProps {
  actions: readonly Action[];
}

/** `j/Down down` */
export function keyHintText(action: Action): string {
  return `${keysOf(action).map(formatKey).join('/')} ${action.label}`;
}

/** The footer: the keys that work here, from the same action maps the help page lists. */
export function KeyHints({ actions }: KeyHintsProps) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {actions.map((action, index) => {
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
    </Text>
  );
}
