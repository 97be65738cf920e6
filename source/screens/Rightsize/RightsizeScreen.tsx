import { Box, Text } from 'ink';
import { useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DetailsPanel, type DetailsSection } from '../../components/DetailsPanel.js';
import { useDetailsScroll } from '../../components/useDetailsScroll.js';
import { rightsizeWorkstations } from '../../core/rightsize/rightsizeWorkstations.js';
import { rightsizeSections } from './rightsizeSections.js';

/** Rightsizing from 14 days of metrics: the top savings first. Read when opened and on `r`. */
export function RightsizeScreen({ height, filter }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const [sections, setSections] = useState<DetailsSection[]>([]);
  const [status, setStatus] = useState('reading 14 days of CloudWatch metrics...');
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const session = shell.session;
      const results = await rightsizeWorkstations(
        session.operationsContext(),
        await session.listWorkstations(),
      );
      return rightsizeSections(results);
    };
    setStatus(generation === 0 ? 'reading 14 days of CloudWatch metrics...' : 'reading again...');
    load().then(
      (loaded) => {
        if (!current) return;
        setSections(loaded);
        setStatus('');
      },
      (error: unknown) => {
        if (current) setStatus(describeError(error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [shell.session, generation]);
  const scroll = useDetailsScroll(sections, filter, Math.max(1, height - 1));
  useActions([{ key: 'r', label: 'read again', run: () => setGeneration((n) => n + 1) }, ...scroll.actions]);
  return (
    <Box flexDirection="column" height={height}>
      <Text color={theme.muted} wrap="truncate">
        {status || ' '}
      </Text>
      <DetailsPanel sections={scroll.sections} height={Math.max(1, height - 1)} offset={scroll.offset} />
    </Box>
  );
}
