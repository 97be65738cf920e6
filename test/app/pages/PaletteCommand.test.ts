import { describe, expect, it } from 'vitest';
import { completeCommand, type PaletteCommand } from '../../../source/app/pages/PaletteCommand.js';
import { pages } from '../../../source/app/pages/pageRegistry.js';

const command = (name: string): PaletteCommand => ({ name, summary: '', run: () => undefined });

describe('palette completion', () => {
  const commands = ['help', 'hibernate-all', 'dashboard', 'quit'].map(command);

  it('lists the commands that start with what was typed, with or without the colon', () => {
    expect(completeCommand(commands, ':h').map((c) => c.name)).toEqual(['help', 'hibernate-all']);
    expect(completeCommand(commands, 'DA').map((c) => c.name)).toEqual(['dashboard']);
    expect(completeCommand(commands, '').length).toBe(4);
  });

  it('registers each page once, with unique commands', () => {
    const ids = pages.map((page) => page.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = pages.flatMap((page) => (page.command ? [page.command] : []));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['dashboard', 'help']));
  });
});
