export declare const root: string;
export declare const bundle: string;
export declare function bundleIsStale(): boolean;
export declare function ensureBundle(node?: string): number;
