export declare const NODE_FLAGS: string[];
export declare const NODE_ENV: Record<string, string>;
