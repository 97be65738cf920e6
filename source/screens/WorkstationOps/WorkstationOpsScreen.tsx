import { Box, Text } from 'ink';
import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useAppState } from '../../app/store/useAppState.js';
import { useTheme } from '../../app/ThemeContext.js';
import { DetailsPanel, type DetailsSection } from '../../components/DetailsPanel.js';
import { useDetailsScroll } from '../../components/useDetailsScroll.js';
import {
  DEFAULT_EXEC_TIMEOUT_SECONDS,
  type ExecResult,
  execOnWorkstations,
} from '../../core/exec/execOnWorkstations.js';
import { TEXT_PROMPT_DIALOG_HEIGHT, TextPromptDialog } from '../Profiles/TextPromptDialog.js';
import { OPS_TABS, type OpsTab, opsTabSections } from './opsTabSections.js';

/** The tab bar. */
const TAB_ROWS = 1;

/**
 * A workstation's day-to-day state, one tab at a time: setup log (or console), volumes, snapshots,
 * idle policy and schedules, and the output of a command run from here. Each tab is read when shown.
 */
export function WorkstationOpsScreen({ page, height, width, filter }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const id = page.params.id;
  const workstation = useAppState((state) => state.workstations.find((w) => w.id === id));
  const [tab, setTab] = useState<OpsTab>((page.params.tab as OpsTab | undefined) ?? 'Logs');
  const [sections, setSections] = useState<DetailsSection[]>([]);
  const [status, setStatus] = useState('loading...');
  const [lastExec, setLastExec] = useState<ExecResult | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // The row changes on every refresh; a tab is read again only when its state changes.
  const latest = useRef(workstation);
  latest.current = workstation;
  const stateKey = workstation ? `${workstation.id}/${workstation.state}/${generation}` : '';

  useEffect(() => {
    const shown = latest.current;
    if (!stateKey || !shown) return;
    let current = true;
    setStatus('loading...');
    opsTabSections(shell.session.operationsContext(), shown, tab, lastExec).then(
      (loaded) => {
        if (!current) return;
        setSections(loaded);
        setStatus('');
      },
      (error: unknown) => {
        if (!current) return;
        setSections([]);
        setStatus(describeError(error).message);
      },
    );
    return () => {
      current = false;
    };
  }, [stateKey, tab, lastExec, shell.session]);

  const runCommand = useCallback(() => {
    if (!workstation) return;
    shell.showModal({
      height: TEXT_PROMPT_DIALOG_HEIGHT,
      node: (
        <TextPromptDialog
          title={`Run on ${workstation.name}`}
          prompt="Command (as the research user):"
          width={width}
          onCancel={shell.closeModal}
          onSubmit={async (typed) => {
            if (typed.trim() === '') return 'Type a command, or Esc to cancel.';
            shell.closeModal();
            setTab('Exec');
            setStatus(`running ${typed.trim()}...`);
            try {
              const ops = shell.session.operationsContext();
              const user = workstation.research_user ?? (await ops.researchUser()).username;
              const [result] = await execOnWorkstations(
                ops.account.commands,
                [workstation],
                { command: typed.trim(), timeout_seconds: DEFAULT_EXEC_TIMEOUT_SECONDS, concurrency: 1 },
                { intervalMs: ops.pollIntervalMs, runAs: () => user },
              );
              await ops.audit({
                action: 'exec',
                profile: ops.profile.name,
                targets: [workstation.name],
                as: 'research-user',
                via: 'tui',
              });
              setLastExec(result);
            } catch (error) {
              setStatus(describeError(error).message);
            }
            return undefined;
          }}
        />
      ),
    });
  }, [shell, workstation, width]);

  const scroll = useDetailsScroll(sections, filter, Math.max(1, height - TAB_ROWS - 1));
  const move = (delta: number) =>
    setTab(
      (current) =>
        OPS_TABS[(OPS_TABS.indexOf(current) + delta + OPS_TABS.length) % OPS_TABS.length] ?? 'Logs',
    );
  useActions([
    { key: 'tab', label: 'next tab', run: () => move(1) },
    { key: 'shift+tab', label: 'previous tab', footer: false, run: () => move(-1) },
    ...OPS_TABS.map((name, index) => ({
      key: String(index + 1),
      label: name.toLowerCase(),
      footer: false,
      run: () => setTab(name),
    })),
    {
      key: 'x',
      label: 'run a command',
      mutates: true,
      run: runCommand,
      when: () => workstation?.state === 'running',
    },
    { key: 'r', label: 'reload', run: () => setGeneration((n) => n + 1) },
    ...scroll.actions,
  ]);
  if (!workstation) return <Text wrap="truncate">{id} is no longer in the account. Esc goes back.</Text>;
  return (
    <Box flexDirection="column" height={height}>
      <Text wrap="truncate">
        {OPS_TABS.map((name, index) => (
          <Text key={name} bold={name === tab} color={name === tab ? theme.accent : theme.muted}>
            {` ${index + 1} ${name} `}
          </Text>
        ))}
      </Text>
      <Text color={theme.muted} wrap="truncate">
        {status || ' '}
      </Text>
      <DetailsPanel
        sections={scroll.sections}
        height={Math.max(1, height - TAB_ROWS - 1)}
        offset={scroll.offset}
      />
    </Box>
  );
}
