import { COMMAND_PALETTE_HEIGHT, CommandPalette } from '../../components/CommandPalette.js';
import type { Action } from '../keys/Action.js';
import type { PaletteCommand } from '../pages/PaletteCommand.js';
import { HELP_PAGE } from '../pages/pageIds.js';
import type { PageStack } from '../pages/usePageStack.js';
import type { Modal } from '../ShellContext.js';

export interface GlobalActionContext {
  pages: PageStack;
  commands: readonly PaletteCommand[];
  sessionOpen: boolean;
  showModal(modal: Modal): void;
  closeModal(): void;
  quit(): void;
  redraw: (() => void) | undefined;
}

/** The keys that work on every page: the palette, the filter, help, back, quit and redraw. */
export function globalActions({
  pages,
  commands,
  sessionOpen,
  showModal,
  closeModal,
  quit,
  redraw,
}: GlobalActionContext): Action[] {
  const filter = pages.filterOf(pages.top);
  return [
    {
      key: ':',
      label: 'cmd',
      run: () =>
        showModal({
          node: <CommandPalette commands={commands} onClose={closeModal} />,
          height: COMMAND_PALETTE_HEIGHT,
        }),
    },
    { key: '/', label: 'filter', when: () => sessionOpen, run: () => pages.setFilterEditing(true) },
    {
      key: '?',
      label: 'help',
      when: () => pages.top.id !== HELP_PAGE,
      run: () => pages.open(HELP_PAGE),
    },
    {
      key: 'esc',
      label: filter ? 'clear filter' : 'back',
      when: () => filter !== '' || pages.stack.length > 1,
      run: () => (filter ? pages.clearFilter() : pages.back()),
    },
    { key: 'q', label: 'quit', run: quit },
    {
      key: 'ctrl+l',
      label: 'redraw the screen',
      footer: false,
      when: () => redraw !== undefined,
      run: () => redraw?.(),
    },
  ];
}
