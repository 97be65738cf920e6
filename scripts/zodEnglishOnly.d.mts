import type { Plugin } from 'esbuild';

export declare function englishOnly(source: string): string;
export declare const zodEnglishOnly: Plugin;
