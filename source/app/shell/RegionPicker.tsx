import { Text } from 'ink';
import { useState } from 'react';
import { DIALOG_CHROME_ROWS, Dialog } from '../../components/Dialog.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { useActions } from '../keys/useActions.js';
import { useTheme } from '../ThemeContext.js';

export interface RegionPickerProps {
  regions: readonly string[];
  /** The region shown now; undefined is every region. */
  current: string | undefined;
  onChoose: (region: string | undefined) => void;
  onClose: () => void;
}

const LISTED = 6;

export function regionPickerHeight(regions: readonly string[]): number {
  return DIALOG_CHROME_ROWS + 1 + Math.min(LISTED, regions.length + 1);
}

/** `:region`: every region of the profile (or all of them) to show on the dashboard and cost pages. */
export function RegionPicker({ regions, current, onChoose, onClose }: RegionPickerProps) {
  const theme = useTheme();
  const choices: Array<string | undefined> = [undefined, ...regions];
  const [chosen, setChosen] = useState(Math.max(0, choices.indexOf(current)));
  const move = (delta: number) => setChosen((at) => Math.max(0, Math.min(choices.length - 1, at + delta)));
  useActions(
    [
      { key: ['down', 'j'], label: 'next', run: () => move(1) },
      { key: ['up', 'k'], label: 'previous', run: () => move(-1) },
      { key: 'enter', label: 'show', run: () => onChoose(choices[chosen]) },
      { key: 'esc', label: 'cancel', run: onClose },
    ],
    { layer: 'modal' },
  );
  const top = Math.max(0, Math.min(chosen - LISTED + 1, choices.length - LISTED));
  return (
    <Dialog title="Show which region?" height={regionPickerHeight(regions)}>
      {choices.slice(top, top + LISTED).map((region, offset) => {
        const index = top + offset;
        const label = region === undefined ? `all regions (${regions.length})` : sanitizeForTerminal(region);
        return (
          <Text
            key={region ?? '*'}
            wrap="truncate"
            inverse={index === chosen && theme.color}
            bold={index === chosen}
          >
            {index === chosen ? '> ' : '  '}
            {label}
            {region === current ? ' (shown now)' : ''}
          </Text>
        );
      })}
      <Text wrap="truncate" color={theme.muted}>
        Enter shows it · Esc leaves it
      </Text>
    </Dialog>
  );
}
