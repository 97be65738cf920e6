export declare const builtinSignature: string;
export declare function builtinSignatureIsStale(): boolean;
export declare function ensureBuiltinSignature(node?: string): number;
