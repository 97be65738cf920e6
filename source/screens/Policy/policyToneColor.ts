import type { Theme, ThemeColor } from '../../app/theme.js';
import type { PolicyLine } from './policyLines.js';

/** The colour of a policy line's tone in the theme (none for plain lines and headings). */
export function policyToneColor(theme: Theme, tone: PolicyLine['tone']): ThemeColor {
  if (tone === 'danger') return theme.danger;
  if (tone === 'success') return theme.success;
  if (tone === 'muted') return theme.muted;
  return undefined;
}
