import { Box, Text } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../app/describeError.js';
import type { Action } from '../../app/keys/Action.js';
import { useShell } from '../../app/ShellContext.js';
import type { LaunchPreview } from '../../app/session/previewLaunch.js';
import { useTheme } from '../../app/ThemeContext.js';
import { editText } from '../../components/editText.js';
import { WaitSpinner } from '../../components/WaitSpinner.js';
import { wrapText } from '../../components/wrapText.js';
import { evaluateTemplateAccess } from '../../core/policy/evaluateTemplateAccess.js';
import { resolveAll } from '../../core/templates/resolveTemplate.js';
import type { ResolvedTemplate } from '../../core/templates/templateSchema.js';
import { sanitizeForTerminal } from '../../core/text/sanitizeForTerminal.js';
import type { PolicyLine } from './policyLines.js';
import { policyToneColor } from './policyToneColor.js';
import { whatIfField } from './whatIfField.js';
import { whatIfLines } from './whatIfLines.js';
import { type WhatIfForm, whatIfRequest } from './whatIfRequest.js';

const FALLBACK_INSTANCE_TYPE = 't3.medium';
/** The form's title and its two lines of fields. */
const FIELD_ROWS = 3;
type Field = 'type' | 'tags';

export interface WhatIf {
  /** Keys while the form is open. */
  actions: Action[];
  /** A field has focus: every printable key is typed into it. */
  typing: boolean;
  onText: (text: string, keyName: string) => boolean;
  /** The verdict in one line, for the restrictions page. */
  verdict: PolicyLine | undefined;
  /** The whole form: fields, verdict, and every reason, scrolled. */
  view: (height: number, width: number) => ReactNode;
}

/**
 * The policy page's what-if form: a template, size or instance type, region, purchase and tags,
 * checked by the launch's own checks (session.previewLaunch: the same policy evaluation, price and
 * type lookup as `launch`), so a type that does not exist is refused as `launch` refuses it, and
 * every violation is listed.
 */
export function useWhatIfForm(): WhatIf {
  const { session } = useShell();
  const theme = useTheme();
  const [templates, setTemplates] = useState<ResolvedTemplate[] | { error: string }>();
  const [form, setFormState] = useState<WhatIfForm>({
    template: '',
    size: '',
    instance_type: '',
    region: session.info.region,
    spot: false,
    tags: '',
  });
  // The form as the last key left it, read by the next key before the next frame.
  const formRef = useRef(form);
  const setForm = useCallback((change: Partial<WhatIfForm>) => {
    formRef.current = { ...formRef.current, ...change };
    setFormState(formRef.current);
  }, []);
  const [editing, setEditingState] = useState<Field | undefined>(undefined);
  const typeEditedRef = useRef(false);
  // Where the cursor is in the field being typed in: the usual editing keys move it.
  const cursorRef = useRef(0);
  const [cursor, setCursorState] = useState(0);
  const setCursor = useCallback((at: number) => {
    cursorRef.current = at;
    setCursorState(at);
  }, []);
  const editingRef = useRef<Field | undefined>(undefined);
  const setEditing = (field: Field | undefined) => {
    editingRef.current = field;
    if (field) setCursor(Array.from(formRef.current[field === 'type' ? 'instance_type' : 'tags']).length);
    setEditingState(field);
  };
  const [top, setTop] = useState(0);
  const [name] = useState(() => `what-if-${Date.now().toString(36)}`);
  const [answer, setAnswer] = useState<{ key: string; preview?: LaunchPreview; error?: string }>();

  useEffect(() => {
    let cancelled = false;
    session.templates().then(
      (registry) => {
        if (cancelled) return;
        // Workstation templates: a managed service's launch is checked on its own page.
        const listed = resolveAll(registry)
          .templates.filter((template) => !template.service_config)
          .sort((a, b) => a.slug.localeCompare(b.slug));
        setTemplates(listed);
        // The first one the policy allows, so the form starts on a launch that could pass.
        const first =
          listed.find((template) => evaluateTemplateAccess(session.profile.policy, template.slug).allowed) ??
          listed[0];
        if (first && formRef.current.template === '') {
          // A type typed (or cleared) while they loaded is the user's and stays; a default shown
          // in the type field opened meanwhile gets the cursor at its end, as opening it does.
          const edited = typeEditedRef.current;
          const type = edited
            ? formRef.current.instance_type
            : (first.instance_defaults?.type ?? FALLBACK_INSTANCE_TYPE);
          setForm({ template: first.slug, instance_type: type });
          if (!edited && editingRef.current === 'type') setCursor(Array.from(type).length);
        }
      },
      (error: unknown) => !cancelled && setTemplates({ error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, setForm, setCursor]);

  const listed = Array.isArray(templates) ? templates : [];
  const template = listed.find((candidate) => candidate.slug === form.template);
  const sizes = Object.entries(template?.sizes ?? {});
  const request = useMemo(() => (form.template === '' ? undefined : whatIfRequest(form, name)), [form, name]);
  const requestKey = JSON.stringify(request ?? null);
  useEffect(() => {
    if (!request || 'problem' in request) return;
    let cancelled = false;
    session.previewLaunch(request).then(
      (preview) => !cancelled && setAnswer({ key: requestKey, preview }),
      (error: unknown) => !cancelled && setAnswer({ key: requestKey, error: describeError(error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [session, request, requestKey]);

  const current = answer?.key === requestKey ? answer : undefined;
  const typeShown = form.size === '' ? form.instance_type : (template?.sizes?.[form.size] ?? '');
  const lines: PolicyLine[] =
    request && 'problem' in request
      ? [{ text: sanitizeForTerminal(`Not a launch yet: ${request.problem}`), tone: 'danger' }]
      : current?.preview
        ? whatIfLines(current.preview, form.spot)
        : current?.error !== undefined
          ? [
              {
                text: sanitizeForTerminal(`REFUSED: ${form.template} on ${typeShown} in ${form.region}`),
                tone: 'danger',
              },
              { text: sanitizeForTerminal(`  x ${current.error}`) },
            ]
          : [];

  const cycleTemplate = (delta: number) => {
    if (listed.length === 0) return;
    const at = listed.findIndex((candidate) => candidate.slug === formRef.current.template);
    const next = listed[(at + delta + listed.length) % listed.length];
    if (next)
      setForm({
        template: next.slug,
        size: '',
        instance_type: next.instance_defaults?.type ?? FALLBACK_INSTANCE_TYPE,
      });
  };
  const cycleSize = () => {
    const names = ['', ...sizes.map(([size]) => size)];
    setForm({ size: names[(names.indexOf(formRef.current.size) + 1) % names.length] ?? '' });
  };
  const cycleRegion = () => {
    const regions = session.info.regions.length > 0 ? session.info.regions : [session.info.region];
    setForm({
      region: regions[(regions.indexOf(formRef.current.region) + 1) % regions.length] ?? form.region,
    });
  };
  // The reasons as drawn (wrapped to the page's width) and how many fit: what scrolling is bound by.
  const shapeRef = useRef({ count: 0, rows: 1 });
  const scrollBy = (delta: number) =>
    setTop((at) =>
      Math.max(0, Math.min(Math.max(0, shapeRef.current.count - shapeRef.current.rows), at + delta)),
    );

  const actions: Action[] = editing
    ? [
        { key: 'enter', label: 'done', run: () => setEditing(undefined) },
        { key: 'esc', label: 'done', footer: false, run: () => setEditing(undefined) },
        // Claimed as actions, as every text field does: unclaimed they read as Esc and then a key.
        ...(['alt+b', 'alt+f', 'alt+backspace'] as const).map(
          (key): Action => ({ key, label: key, footer: false, run: () => onText('', key) }),
        ),
      ]
    : [
        { key: ['[', ']'], label: 'template', run: () => cycleTemplate(1) },
        { key: 'right', label: 'next template', footer: false, run: () => cycleTemplate(1) },
        { key: 'left', label: 'previous template', footer: false, run: () => cycleTemplate(-1) },
        { key: 'z', label: 'size', run: cycleSize },
        {
          key: 't',
          label: 'type',
          run: () => {
            setForm({ size: '' });
            setEditing('type');
          },
        },
        { key: 'r', label: 'region', run: cycleRegion },
        {
          key: 's',
          label: form.spot ? 'on-demand' : 'spot',
          run: () => setForm({ spot: !formRef.current.spot }),
        },
        { key: 'a', label: 'tags', run: () => setEditing('tags') },
        { key: ['j', 'down'], label: 'down', footer: false, run: () => scrollBy(1) },
        { key: ['k', 'up'], label: 'up', footer: false, run: () => scrollBy(-1) },
        {
          key: ['pgdn', 'ctrl+f'],
          label: 'page down',
          footer: false,
          run: () => scrollBy(shapeRef.current.rows),
        },
        {
          key: ['pgup', 'ctrl+b'],
          label: 'page up',
          footer: false,
          run: () => scrollBy(-shapeRef.current.rows),
        },
      ];

  const onText = (text: string, keyName: string) => {
    if (!editing) return false;
    const key = editing === 'type' ? 'instance_type' : 'tags';
    const next = editText({ text: formRef.current[key], cursor: cursorRef.current }, keyName, text);
    // An instance type is letters, digits, dots and dashes; tags are one line of at most 512.
    const fits =
      next !== undefined &&
      (editing === 'type' ? /^[a-z0-9.-]*$/i.test(next.text) : Array.from(next.text).length <= 512);
    if (next && fits) {
      if (editing === 'type') typeEditedRef.current = true;
      setForm({ [key]: editing === 'type' ? next.text.toLowerCase() : next.text });
      setCursor(next.cursor);
    }
    // A field being typed in takes every printable key, so q and : type nothing rather than leave.
    return true;
  };

  const field = (label: string, value: string, focused: boolean) =>
    whatIfField(label, value, focused ? cursor : undefined, theme.color);
  const toneColor = (line: PolicyLine) => policyToneColor(theme, line.tone);
  const sizeLabel = form.size === '' ? '- (type)' : `${form.size} (${template?.sizes?.[form.size] ?? '?'})`;

  const view = (height: number, width: number) => {
    // One row is kept for the scroll indicator whenever the reasons do not all fit.
    // A reason keeps its indent, and its continuation rows sit two cells further in.
    const wrapped = lines.slice(1).flatMap((line, at) => {
      const indent = ' '.repeat(line.text.length - line.text.trimStart().length);
      return wrapText(line.text.trimStart(), Math.max(10, width - indent.length - 2)).map((text, part) => ({
        ...line,
        text: `${indent}${part === 0 ? '' : '  '}${text}`,
        id: `${at}.${part}`,
      }));
    });
    const room = Math.max(1, height - FIELD_ROWS - 1);
    const rows = wrapped.length > room ? Math.max(1, room - 1) : room;
    shapeRef.current = { count: wrapped.length, rows };
    const first = Math.min(top, Math.max(0, wrapped.length - rows));
    const shown = wrapped.slice(first, first + rows);
    const below = wrapped.length - first - shown.length;
    return (
      <Box flexDirection="column" height={height}>
        <Text bold color={theme.accent} wrap="truncate">
          What if: a launch checked as `cws-tui launch` checks it
        </Text>
        <Text wrap="truncate">
          {field(
            'Template',
            Array.isArray(templates)
              ? `< ${form.template} >`
              : templates
                ? `unavailable: ${templates.error}`
                : 'loading…',
            false,
          )}
          {field('Size', sizeLabel, false)}
          {field('Region', form.region, false)}
        </Text>
        <Text wrap="truncate">
          {field('Type', typeShown, editing === 'type')}
          {field('Purchase', form.spot ? 'spot' : 'on-demand', false)}
          {field('Tags', form.tags, editing === 'tags')}
        </Text>
        {lines[0] ? (
          <Text wrap="truncate" color={toneColor(lines[0])}>
            {lines[0].text}
          </Text>
        ) : (
          <WaitSpinner label="Checking as the launch would…" />
        )}
        {shown.map((line) => (
          <Text key={line.id} wrap="truncate" color={toneColor(line)}>
            {line.text}
          </Text>
        ))}
        {below > 0 || first > 0 ? (
          <Text color={theme.muted} wrap="truncate">
            {`  ${first > 0 ? `${first} above · ` : ''}${below} more below (j/k scroll)`}
          </Text>
        ) : null}
      </Box>
    );
  };

  return { actions, typing: editing !== undefined, onText, verdict: lines[0], view };
}
