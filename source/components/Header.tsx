import { Box, Text } from 'ink';
import type { SessionInfo } from '../app/session/Session.js';
import type { MonthSpend } from '../app/store/AppState.js';
import { useTheme } from '../app/ThemeContext.js';
import { formatUsd, formatUsdPerHour } from '../core/cost/formatUsd.js';
import { sanitizeForTerminal } from '../core/text/sanitizeForTerminal.js';
import { fitText } from './fitText.js';
import { spendColor } from './spendColor.js';

export interface HeaderProps {
  /** Unset while the session opens. */
  info?: SessionInfo;
  account?: string;
  /** USD per hour of everything running now. */
  burnRate?: number;
  spend?: MonthSpend;
  breadcrumbs: readonly string[];
  /** Shown instead of the session's details while it opens or when it failed. */
  status?: string;
  /** The one region shown (`:region`); every region of the profile when unset. */
  region?: string;
  /** `--readonly`: said in the header, so nobody wonders why `s` does nothing. */
  readonly?: boolean;
}

/**
 * `us-east-1` (where launches go), `us-east-1 +3 regions` when the rows of the profile's other
 * regions are shown too, `region eu-west-1 only` when `:region` chose one.
 */
export function regionLabel(info: SessionInfo, region: string | undefined): string {
  if (region) return `region ${region} only`;
  return info.regions.length > 1 ? `${info.region} +${info.regions.length - 1} regions` : info.region;
}

const CRUMB_WIDTH = 24;

/**
 * Where the user is, short enough that the burn rate and budget after it stay on the line: the
 * last two pages (`… > ` before them), each cut to a width.
 */
export function collapseBreadcrumbs(breadcrumbs: readonly string[]): string {
  const shown = breadcrumbs
    .slice(-2)
    .map((crumb) => fitText(sanitizeForTerminal(crumb), CRUMB_WIDTH).trimEnd());
  return `${breadcrumbs.length > 2 ? '… > ' : ''}${shown.join(' > ')}`;
}

/** Two lines: who and where (profile, account, region, research user, DEMO), then cost and place. */
export function Header({
  info,
  account,
  burnRate,
  spend,
  breadcrumbs,
  status,
  region,
  readonly,
}: HeaderProps) {
  const theme = useTheme();
  const identity = info
    ? [
        `profile ${sanitizeForTerminal(info.profile)}`,
        `account ${account ?? '…'}`,
        sanitizeForTerminal(regionLabel(info, region)),
        ...(info.research_user ? [`user ${sanitizeForTerminal(info.research_user)}`] : []),
        ...(info.team_store ? [`team ${sanitizeForTerminal(info.team_store)}`] : []),
      ].join(' · ')
    : (status ?? '');
  const costs = [
    burnRate === undefined ? undefined : formatUsdPerHour(burnRate),
    spend === undefined
      ? undefined
      : `month ${formatUsd(spend.spent_usd)}${spend.budget_usd === undefined ? '' : ` of ${formatUsd(spend.budget_usd)}`}`,
  ].filter((part): part is string => part !== undefined);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          cws-tui
        </Text>
        {info?.account_kind === 'demo' ? (
          <Text bold inverse={theme.color} color={theme.warning}>
            {theme.color ? ' DEMO ' : ' [DEMO]'}
          </Text>
        ) : null}
        {readonly ? (
          <Text bold color={theme.warning}>
            {' READ-ONLY'}
          </Text>
        ) : null}
        {'  '}
        {identity}
      </Text>
      {/* The costs never shrink: the breadcrumbs give way first, so burn rate and budget stay seen. */}
      <Box>
        <Box flexShrink={1} flexGrow={1}>
          <Text wrap="truncate">{collapseBreadcrumbs(breadcrumbs)}</Text>
        </Box>
        {costs.length > 0 ? (
          <Box flexShrink={0} marginLeft={2}>
            <Text color={spendColor(spend, theme)}>{costs.join(' · ')}</Text>
          </Box>
        ) : null}
      </Box>
    </Box>
  );
}
