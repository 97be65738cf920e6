import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Session } from '../../app/session/Session.js';
import { useTheme } from '../../app/ThemeContext.js';
import { rightsizeWorkstations } from '../../core/rightsize/rightsizeWorkstations.js';
import { rightsizeSavingsLine } from './rightsizeSavingsLine.js';

/**
 * The top rightsizing savings on the cost page, read once when the page opens: 14 days of
 * CloudWatch metrics per workstation is too much to read on every 5-second refresh.
 */
export function RightsizeSavings({ session }: { session: Session }) {
  const theme = useTheme();
  const [line, setLine] = useState('Rightsizing: reading 14 days of metrics…');
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    session
      .listWorkstations()
      .then((workstations) => rightsizeWorkstations(session.operationsContext(), workstations))
      .then(
        (results) => {
          if (current) setLine(rightsizeSavingsLine(results));
        },
        (error: unknown) => {
          if (!current) return;
          setFailed(true);
          setLine(`Rightsizing: ${describeError(error).message}`);
        },
      );
    return () => {
      current = false;
    };
  }, [session]);
  return (
    <Text wrap="truncate" color={failed ? theme.warning : theme.muted}>
      {line}
    </Text>
  );
}
