/** The web services the boot script sets up itself; other service names are system units. */
export type WebServiceKind = 'jupyter' | 'code-server' | 'rstudio';

const WEB_SERVICE_NAMES: Record<string, WebServiceKind> = {
  jupyter: 'jupyter',
  jupyterlab: 'jupyter',
  'jupyter-lab': 'jupyter',
  'code-server': 'code-server',
  vscode: 'code-server',
  'vscode-server': 'code-server',
  rstudio: 'rstudio',
  'rstudio-server': 'rstudio',
};

export const webServiceKind = (serviceName: string): WebServiceKind | undefined =>
  Object.hasOwn(WEB_SERVICE_NAMES, serviceName) ? WEB_SERVICE_NAMES[serviceName] : undefined;
