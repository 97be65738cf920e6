import { setTimeout as sleep } from 'node:timers/promises';
import { useInput } from 'ink';
import { render } from 'ink-testing-library';
import { type ReactNode, useMemo } from 'react';
import { describe, expect, it } from 'vitest';
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

async function typeText(stdin: { write(data: string): void }, text: string) {
  for (const char of text) {
    stdin.write(char);
    await sleep(5);
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
    await sleep(10);
    expect(lastFrame()).toContain('Type analysis-1 to confirm');
    await typeText(stdin, 'analysis-2');
    stdin.write('\r');
    await sleep(10);
    expect(outcomes).toEqual([]);
    expect(lastFrame()).toContain('That is not "analysis-1"');
    stdin.write('\u007F');
    await sleep(5);
    await typeText(stdin, '1');
    stdin.write('\r');
    await sleep(10);
    expect(outcomes).toEqual(['confirmed']);
  });

  it('cancels with Esc', async () => {
    const outcomes: string[] = [];
    const { stdin } = render(
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
    await sleep(10);
    stdin.write('\u001B');
    await sleep(20);
    expect(outcomes).toEqual(['cancelled']);
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
    await sleep(10);
    expect(lastFrame()).toContain(':dashboard');
    stdin.write('h');
    await sleep(10);
    expect(lastFrame()).not.toContain(':dashboard');
    expect(lastFrame()).toContain(':hibernate-all');
    stdin.write('\u001B[B');
    await sleep(40);
    stdin.write('\r');
    await sleep(10);
    expect(ran).toEqual(['hibernate-all']);
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
    const until = async (check: (frame: string) => boolean) => {
      const deadline = Date.now() + 5000;
      while (!check(lastFrame() ?? '')) {
        if (Date.now() > deadline) throw new Error(`never held; last frame:\n${lastFrame() ?? ''}`);
        await sleep(10);
      }
    };
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
