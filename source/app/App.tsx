import { Box, Text, useApp, useInput } from 'ink';
import pkg from '../../package.json' with { type: 'json' };

export interface AppProps {
  demo: boolean;
}

/** The shell of the research portal. */
export function App({ demo }: AppProps) {
  const { exit } = useApp();
  useInput((input) => {
    if (input === 'q') exit();
  });
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>cws-tui {pkg.version}</Text>
        {demo ? <Text inverse> DEMO </Text> : null}
      </Box>
      <Text>Research portal for AWS. Press q to quit.</Text>
    </Box>
  );
}
