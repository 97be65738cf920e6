import { Box, Text } from 'ink';
import type { LaunchChoices } from '../../app/session/launchChoices.js';
import { useTheme } from '../../app/ThemeContext.js';
import { scrollTop } from '../../components/Table.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { MAX_ROOT_VOLUME_GB, MIN_ROOT_VOLUME_GB } from './launchWizardReducer.js';

export interface StorageStepViewProps {
  choices: LaunchChoices;
  rootVolume: string;
  /** The highlighted line of the EFS list: 0 is "none". */
  efsIndex: number;
  height: number;
}

const GIB = 1024 ** 3;

/** Root volume size (typed) and the EFS file system to mount (chosen from a list). */
export function StorageStepView({ choices, rootVolume, efsIndex, height }: StorageStepViewProps) {
  const theme = useTheme();
  const lines = [
    'none (no shared file system)',
    ...choices.file_systems.map((fs) =>
      sanitizeForTerminal(
        `${fs.id} ${fs.name ? `(${fs.name}) ` : ''}${(fs.size_bytes / GIB).toFixed(1)} GiB`,
      ),
    ),
  ];
  const advice = choices.storage_advice;
  const visible = Math.max(1, height - 4 - (advice ? 3 : 0));
  const top = scrollTop(0, efsIndex, visible, lines.length);
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        Root volume (GB): <Text inverse={theme.color}>{rootVolume}</Text>
        {theme.color ? ' ' : '_'}
        <Text color={theme.muted}>
          {' '}
          {rootVolume === '' ? `template default ${choices.default_root_volume_gb} GB; ` : ''}type
          {` ${MIN_ROOT_VOLUME_GB}-${MAX_ROOT_VOLUME_GB}`}
        </Text>
      </Text>
      <Text> </Text>
      {advice ? (
        <>
          <Text wrap="truncate">
            <Text bold>Template storage: </Text>
            {sanitizeForTerminal(`${advice.declared}. ${advice.recommendation.explanation}`)}
          </Text>
          <Text wrap="truncate" color={theme.muted}>
            {sanitizeForTerminal(
              `Create it: ${advice.create_command}, then launch with --fsx <id> (storage recommend compares every option)`,
            )}
          </Text>
          <Text> </Text>
        </>
      ) : null}
      <Text bold wrap="truncate">
        EFS file system in {sanitizeForTerminal(choices.region)} (mounted at /efs):
      </Text>
      {lines.slice(top, top + visible).map((line, offset) => {
        const selected = top + offset === efsIndex;
        return (
          <Text key={line} wrap="truncate" inverse={selected && theme.color} bold={selected}>
            {selected ? '> ' : '  '}
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
