import type { Plugin } from 'esbuild';

export declare const SEGMENTING_FILES: RegExp;
export declare const segmenterWithoutIcu: Plugin;
