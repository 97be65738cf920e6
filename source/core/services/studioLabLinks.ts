/** Studio Lab's sign-in page, where its sessions are started. */
export const STUDIO_LAB_URL = 'https://studiolab.sagemaker.aws';

const GITHUB_NOTEBOOK = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/blob\/([^?#]+\.ipynb)$/;

/**
 * The "Open in Studio Lab" address of a notebook on GitHub, which copies it into the user's
 * project. Studio Lab imports single notebooks from GitHub only; other repositories are cloned
 * from its Git menu, so anything else is refused with that explanation.
 */
export function studioLabImportUrl(notebookUrl: string, base = STUDIO_LAB_URL): string {
  const match = GITHUB_NOTEBOOK.exec(notebookUrl.trim());
  if (!match) {
    throw new Error(
      `Studio Lab imports a notebook from a GitHub address like https://github.com/<owner>/<repo>/blob/<branch>/<path>.ipynb, not '${notebookUrl}'; clone other repositories from Studio Lab's Git menu`,
    );
  }
  return `${base.replace(/\/+$/, '')}/import/github/${match[1]}/${match[2]}/blob/${match[3]}`;
}
