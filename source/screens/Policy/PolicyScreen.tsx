import { Box, Text } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useActions } from '../../app/keys/useActions.js';
import type { ScreenProps } from '../../app/pages/PageDefinition.js';
import { useShell } from '../../app/ShellContext.js';
import { useTheme } from '../../app/ThemeContext.js';
import type { Theme } from '../../app/theme.js';
import { testPolicyOffline } from '../../core/policy/testPolicyOffline.js';
import type { LoadedTemplate } from '../../core/templates/LoadedTemplate.js';
import type { TemplateRegistry } from '../../core/templates/TemplateRegistry.js';
import { templatePolicyFactsOf } from '../../core/templates/templatePolicyFacts.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import { numberLines, type PolicyLine, policyLines } from './policyLines.js';
import { whatIfLines } from './whatIfLines.js';

/** The form's title, its fields, and the verdict with up to three lines of why. */
const FORM_ROWS = 6;
const FALLBACK_INSTANCE_TYPE = 't3.medium';

function toneColor(theme: Theme, tone: PolicyLine['tone']) {
  if (tone === 'danger') return theme.danger;
  if (tone === 'success') return theme.success;
  if (tone === 'muted') return theme.muted;
  return undefined;
}

/** At most `rows` lines; when some do not fit, the last row says how many and where to see them. */
function fitDetails(lines: readonly PolicyLine[], rows: number): PolicyLine[] {
  if (lines.length <= rows) return [...lines];
  const shown = lines.slice(0, rows - 1);
  return [
    ...shown,
    { text: `  … ${lines.length - shown.length} more (cws-tui policy test lists them all)`, tone: 'muted' },
  ];
}

function LineView({ line }: { line: PolicyLine }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate" bold={line.tone === 'heading'} color={toneColor(theme, line.tone)}>
      {line.text === '' ? ' ' : line.text}
    </Text>
  );
}

/**
 * The policy viewer: the restrictions in force, the invitation chain they come from, and a "what
 * if" form that tests a template and an instance type against them, as `policy test` does.
 */
export function PolicyScreen({ height }: ScreenProps) {
  const shell = useShell();
  const theme = useTheme();
  const { session } = shell;
  // Kind, role and chain as verified from the signature, with any hand edit of the config named.
  const { profile, verification } = useMemo(() => {
    const listing = session.profiles();
    const prefix = `profile '${session.info.profile}': `;
    return {
      profile: listing.profiles.find((candidate) => candidate.name === session.info.profile),
      verification: listing.problems.filter((problem) => problem.startsWith(prefix)),
    };
  }, [session]);
  const lines = useMemo(
    () => numberLines(policyLines(session.profile.policy, session.info.profile, profile, verification)),
    [session, profile, verification],
  );
  const [templates, setTemplates] = useState<LoadedTemplate[] | undefined>(undefined);
  const [registry, setRegistry] = useState<TemplateRegistry | undefined>(undefined);
  const [templateError, setTemplateError] = useState<string | undefined>(undefined);
  const [templateIndex, setTemplateIndex] = useState(0);
  const [instanceType, setInstanceTypeState] = useState<string | undefined>(undefined);
  // What was typed so far, read by the next key even before the next frame.
  const typedRef = useRef<string | undefined>(undefined);
  const setInstanceType = (next: string) => {
    typedRef.current = next;
    setInstanceTypeState(next);
  };
  const [spot, setSpot] = useState(false);
  const [editing, setEditing] = useState(false);
  const [top, setTop] = useState(0);

  useEffect(() => {
    let cancelled = false;
    session.templates().then(
      (registry) => {
        if (cancelled) return;
        const listed = [...registry.templates.values()].sort((a, b) => a.slug.localeCompare(b.slug));
        setRegistry(registry);
        setTemplates(listed);
      },
      (error: unknown) => {
        if (!cancelled) setTemplateError(describeError(error).message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [session]);

  const template = templates?.[templateIndex];
  const typeShown = instanceType ?? template?.template.instance_defaults?.type ?? FALLBACK_INSTANCE_TYPE;
  const result = useMemo(() => {
    if (!template || typeShown === '') return undefined;
    const rootVolume = template.template.instance_defaults?.root_volume_gb;
    return testPolicyOffline(session.profile.policy, {
      template_slug: template.slug,
      ...(rootVolume !== undefined ? { template_root_volume_gb: rootVolume } : {}),
      instance_type: typeShown,
      region: session.info.region,
      spot,
      hibernation: false,
      tags: {},
      discounts: profile?.discounts ?? {},
      ...(registry ? templatePolicyFactsOf(template.slug, registry) : {}),
    });
  }, [session, profile, template, registry, typeShown, spot]);

  const viewHeight = Math.max(1, height - FORM_ROWS);
  const maxTop = Math.max(0, lines.length - viewHeight);
  const scrollBy = (delta: number) => setTop((current) => Math.max(0, Math.min(maxTop, current + delta)));
  const cycleTemplate = (delta: number) => {
    const count = templates?.length ?? 0;
    if (count === 0) return;
    setTemplateIndex((current) => (current + delta + count) % count);
  };
  const stopEditing = () => setEditing(false);

  const actions: Action[] = editing
    ? [
        { key: 'enter', label: 'done', run: stopEditing },
        { key: 'esc', label: 'done', footer: false, run: stopEditing },
      ]
    : [
        { key: ['j', 'down'], label: 'down', footer: false, run: () => scrollBy(1) },
        { key: ['k', 'up'], label: 'up', footer: false, run: () => scrollBy(-1) },
        { key: ['pgdn', 'ctrl+f'], label: 'page down', footer: false, run: () => scrollBy(viewHeight) },
        { key: ['pgup', 'ctrl+b'], label: 'page up', footer: false, run: () => scrollBy(-viewHeight) },
        { key: 'right', label: 'next template', footer: false, run: () => cycleTemplate(1) },
        { key: 'left', label: 'previous template', footer: false, run: () => cycleTemplate(-1) },
        { key: ['[', ']'], label: 'template', run: () => cycleTemplate(1) },
        {
          key: 't',
          label: 'type',
          run: () => {
            typedRef.current = typeShown;
            setInstanceType(typeShown);
            setEditing(true);
          },
        },
        { key: 's', label: spot ? 'on-demand' : 'spot', run: () => setSpot(!spot) },
      ];
  useActions(actions, {
    onText: (text, keyName) => {
      if (!editing) return false;
      const current = typedRef.current ?? '';
      if (keyName === 'backspace') setInstanceType(current.slice(0, -1));
      else if (/^[a-z0-9.-]$/i.test(text)) setInstanceType(current + text.toLowerCase());
      // A field being typed in takes every printable key, so q and : type nothing rather than leave.
      return true;
    },
  });

  const shownTop = Math.min(top, maxTop);
  const verdict = result ? whatIfLines(result) : [];
  const details = numberLines(fitDetails(verdict.slice(1), FORM_ROWS - 3));
  return (
    <Box flexDirection="column" height={height}>
      <Box flexDirection="column" height={viewHeight}>
        {lines.slice(shownTop, shownTop + viewHeight).map((line) => (
          <LineView key={line.number} line={line} />
        ))}
      </Box>
      <Text wrap="truncate" bold color={theme.accent}>
        What if{' '}
        <Text color={theme.muted} bold={false}>
          ([ ] or ←/→ template · t type · s spot){shownTop + viewHeight < lines.length ? ' · j/k scroll' : ''}
        </Text>
      </Text>
      <Text wrap="truncate">
        Template{' '}
        <Text bold>
          {templateError
            ? `unavailable: ${sanitizeForTerminal(templateError)}`
            : template
              ? `< ${sanitizeForTerminal(template.slug)} >`
              : 'loading…'}
        </Text>
        {'  '}Type{' '}
        <Text bold inverse={editing && theme.color}>
          {sanitizeForTerminal(typeShown)}
          {editing && !theme.color ? '_' : ''}
        </Text>
        {'  '}Purchase <Text bold>{spot ? 'spot' : 'on-demand'}</Text>
      </Text>
      {verdict[0] ? <LineView line={verdict[0]} /> : <Text> </Text>}
      {details.map((line) => (
        <LineView key={line.number} line={line} />
      ))}
    </Box>
  );
}
