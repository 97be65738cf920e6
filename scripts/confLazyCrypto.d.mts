import type { Plugin } from 'esbuild';

export declare const confLazyCrypto: Plugin;
