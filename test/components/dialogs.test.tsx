import { useInput } from 'ink';
import { render } from 'ink-testing-library';
import { type ReactNode, useMemo } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { KeyDispatcher } from '../../source/app/keys/KeyDispatcher.js';
import { KeyDispatcherContext } from '../../source/app/keys/KeyDispatcherContext.js';
import { keyNameOf } from '../../source/app/keys/keyNameOf.js';
import type { PaletteCommand } from '../../source/app/pages/PaletteCommand.js';
import { CommandPalette } from '../../source/components/CommandPalette.js';
import { ConfirmDialog } from '../../source/components/ConfirmDialog.js';

/** The dispatcher and the one key handler, as the shell provides them. */
function WithKeys({ children }: { children: ReactNode }) {
  const dispatcher = useMemo(() => new KeyDispatcher(), []);
  useInput((input, key) => {
    dispatcher.dispatch(keyNameOf(input, key), input);
  });
  return <KeyDispatcherContext.Provider value={dispatcher}>{children}</KeyDispatcherContext.Provider>;
}

/** Types one key at a time, each once the frame shows the text so far. */
async function typeText(
  stdin: { write(data: string): void },
  lastFrame: () => string | undefined,
  text: string,
  before = '',
) {
  let typed = before;
  for (const char of text) {
    stdin.write(char);
    typed += char;
    await vi.waitFor(() => expect(lastFrame()).toContain(typed));
  }
}

describe('ConfirmDialog', () => {
  it('confirms only when the exact name is typed', async () => {
    const outcomes: string[] = [];
    const { stdin, lastFrame } = render(
      <WithKeys>
        <ConfirmDialog
          title="Terminate analysis-1?"
          message="This deletes its root volume."
          confirmText="analysis-1"
          onConfirm={() => outcomes.push('confirmed')}
          onCancel={() => outcomes.push('cancelled')}
        />
      </WithKeys>,
    );
    await vi.waitFor(() => expect(lastFrame()).toContain('Type analysis-1 to confirm'));
    await typeText(stdin, lastFrame, 'analysis-2');
    stdin.write('\r');
    await vi.waitFor(() => expect(lastFrame()).toContain('That is not "analysis-1"'));
    expect(outcomes).toEqual([]);
    stdin.write('\u007F');
    await vi.waitFor(() => expect(lastFrame()).not.toContain('analysis-2'));
    await typeText(stdin, lastFrame, '1', 'analysis-');
    stdin.write('\r');
    await vi.waitFor(() => expect(outcomes).toEqual(['confirmed']));
  });

  it('cancels with Esc', async () => {
    const outcomes: string[] = [];
    const { stdin, lastFrame } = render(
      <WithKeys>
        <ConfirmDialog
          title="t"
          message="m"
          confirmText="x"
          onConfirm={() => outcomes.push('confirmed')}
          onCancel={() => outcomes.push('cancelled')}
        />
      </WithKeys>,
    );
    await vi.waitFor(() => expect(lastFrame()).toContain('Type x to confirm'));
    stdin.write('\u001B');
    await vi.waitFor(() => expect(outcomes).toEqual(['cancelled']));
  });
});

/** Four commands that record their name in `ran` when they run. */
function paletteCommands(ran: string[]): PaletteCommand[] {
  return ['dashboard', 'help', 'hibernate-all', 'quit'].map((name) => ({
    name,
    summary: `the ${name} command`,
    run: () => ran.push(name),
  }));
}

describe('CommandPalette', () => {
  it('completes with Tab, chooses with the arrows and runs with Enter', async () => {
    const ran: string[] = [];
    let closed = 0;
    const commands = paletteCommands(ran);
    const { stdin, lastFrame } = render(
      <WithKeys>
        <CommandPalette commands={commands} onClose={() => closed++} />
      </WithKeys>,
    );
    await vi.waitFor(() => expect(lastFrame()).toContain(':dashboard'));
    stdin.write('h');
    await vi.waitFor(() => expect(lastFrame()).not.toContain(':dashboard'));
    expect(lastFrame()).toContain(':hibernate-all');
    stdin.write('\u001B[B');
    await vi.waitFor(() => expect(lastFrame()).toContain('> :hibernate-all'));
    stdin.write('\r');
    await vi.waitFor(() => expect(ran).toEqual(['hibernate-all']));
    expect(closed).toBe(1);
  });
});

describe('CommandPalette Tab', () => {
  it('completes the highlighted match, not only the shared prefix', async () => {
    const ran: string[] = [];
    const commands = paletteCommands(ran);
    const { stdin, lastFrame } = render(
      <WithKeys>
        <CommandPalette commands={commands} onClose={() => undefined} />
      </WithKeys>,
    );
    const until = (check: (frame: string) => boolean) =>
      vi.waitFor(
        () => {
          if (!check(lastFrame() ?? '')) throw new Error(`never held; last frame:\n${lastFrame() ?? ''}`);
        },
        { timeout: 5000, interval: 10 },
      );
    // The input line, without the border and the cursor.
    const typed = (frame: string) => (frame.split('\n')[2] ?? '').replace(/[|_]/g, '').trim();
    await until((frame) => frame.includes(':dashboard'));
    stdin.write('h');
    await until((frame) => !frame.includes(':dashboard'));
    // Tab on the first match (help) types it whole.
    stdin.write('\t');
    await until((frame) => typed(frame) === ':help');
    stdin.write('\u007F'.repeat(3));
    await until((frame) => frame.includes(':hibernate-all'));
    stdin.write('\u001B[B');
    await until((frame) => /> :hibernate-all/.test(frame));
    stdin.write('\t');
    await until((frame) => typed(frame) === ':hibernate-all');
    stdin.write('\r');
    await until(() => ran.length > 0);
    expect(ran).toEqual(['hibernate-all']);
  });
});
