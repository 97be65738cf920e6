/** Ids of the pages the shell itself opens; kept apart from the registry so screens need not import it. */
export const DASHBOARD_PAGE = 'dashboard';
export const HELP_PAGE = 'help';
export const EVENTS_PAGE = 'events';
