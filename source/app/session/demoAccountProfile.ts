/**
 * The profile switcher's row for the demo account: not a profile of the config (no profile name
 * can hold parentheses), so choosing it opens the demo account with no profile, and makes no
 * profile the current one, so the next start opens it too.
 */
export const DEMO_ACCOUNT_PROFILE = '(demo)';
