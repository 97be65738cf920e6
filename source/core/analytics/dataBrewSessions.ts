/** DataBrew interactive sessions: $1.00 per session, a session being 30 minutes of the project open. */
export const DATABREW_USD_PER_SESSION = 1;
export const DATABREW_SESSION_MINUTES = 30;
export const DATABREW_USD_PER_SESSION_HOUR = (DATABREW_USD_PER_SESSION * 60) / DATABREW_SESSION_MINUTES;

/** The console page of a project's interactive session (the grid has no API: it lives in the console). */
export function dataBrewProjectUrl(region: string, project: string): string {
  return `https://${region}.console.aws.amazon.com/databrew/home?region=${region}#project-workspace?projectName=${encodeURIComponent(project)}`;
}
