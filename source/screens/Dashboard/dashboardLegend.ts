import { wrapText } from '../../components/wrapText.js';
import type { Workstation } from '../../core/workstations/Workstation.js';
import { WIDE_FROM } from './dashboardColumns.js';
import { BADGE_MEANINGS, rowBadges } from './rowBadges.js';
import { stateLegend } from './shortStateLabel.js';

/**
 * The lines under a narrow table that spell out the short state names and badge letters its rows
 * use (`run running · hib hibernated · G GPU`); none when the table is wide enough for whole names.
 */
export function dashboardLegend(rows: readonly Workstation[], width: number): string[] {
  if (width >= WIDE_FROM) return [];
  const badges = new Set(rows.flatMap((w) => Array.from(rowBadges(w))));
  const parts = [
    stateLegend(rows),
    ...BADGE_MEANINGS.filter(([letter]) => badges.has(letter)).map(
      ([letter, meaning]) => `${letter} ${meaning}`,
    ),
  ].filter((part) => part !== '');
  return parts.length === 0 ? [] : wrapText(parts.join(' · '), width);
}
