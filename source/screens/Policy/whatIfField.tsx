import { Text } from 'ink';
import type { ReactNode } from 'react';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';

/**
 * One labelled field of the what-if form. With a cursor (the field being typed in) it is drawn where
 * the editing keys put it: an inverse cell in colour, `_` without colour.
 */
export function whatIfField(
  label: string,
  value: string,
  cursor: number | undefined,
  color: boolean,
): ReactNode {
  if (cursor === undefined)
    return (
      <>
        {label} <Text bold>{sanitizeForTerminal(value)}</Text>
        {'  '}
      </>
    );
  const chars = Array.from(value);
  const at = Math.min(cursor, chars.length);
  return (
    <>
      {label}{' '}
      <Text bold>
        {sanitizeForTerminal(chars.slice(0, at).join(''))}
        {color ? <Text inverse>{chars[at] ?? ' '}</Text> : '_'}
        {sanitizeForTerminal(chars.slice(color ? at + 1 : at).join(''))}
      </Text>
      {'  '}
    </>
  );
}
