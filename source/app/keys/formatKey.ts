const KEY_LABELS: Record<string, string> = {
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  esc: 'Esc',
  tab: 'Tab',
  'shift+tab': 'S-Tab',
  backspace: 'Bksp',
  space: 'Space',
};

/** How a key name is shown in the footer and on the help page: `ctrl+d` as `^D`, `pgdn` as `PgDn`. */
export function formatKey(name: string): string {
  const label = KEY_LABELS[name];
  if (label) return label;
  if (name.startsWith('ctrl+')) return `^${name.slice(5).toUpperCase()}`;
  if (name.startsWith('alt+')) return `M-${formatKey(name.slice(4))}`;
  return name;
}
