export declare const MINIMUM_NODE_MAJOR: number;
export declare function packagedNode(arch?: string, exists?: (path: string) => boolean): string | undefined;
export declare function chooseNode(input: {
  currentVersion: string;
  currentPath: string;
  packaged: string | undefined;
}): { path: string; error?: undefined } | { error: string; path?: undefined };
export declare function runWithNode(args: string[]): never;
