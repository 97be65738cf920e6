import type { TemplateProvenance } from '../marketplace/TemplateProvenance.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import type { Template } from './templateSchema.js';

/** 1-based line and column in a template file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Where a template file was found: which part of the search path, or a path given on the command line. */
export type TemplateOrigin = 'builtin' | 'user' | 'env' | 'path';

export type TemplatePath = readonly (string | number)[];

/** One template file, parsed and validated on its own (before inheritance). */
export interface LoadedTemplate {
  template: Template;
  /** The declared slug, or the one derived from the name. */
  slug: string;
  source: string;
  origin: TemplateOrigin;
  /** The file's path below the directory it was found in (`community/r.yml`), when found in one. */
  relative_path?: string;
  /** Built-in, a local file, or a marketplace release re-verified at this load (see verifyInstalledTemplate). */
  provenance?: TemplateProvenance;
  /** The file's size and mtime when it was read: what caches of results about its content key on. */
  stamp?: string;
  /**
   * Where the value at `path` starts in the file; the nearest present ancestor when it is absent.
   * With `find`, where that text first occurs inside the value, when it does.
   */
  locate(path: TemplatePath, options?: { find?: string }): SourcePosition;
}

export interface TemplateParseResult {
  /** Absent when the file has errors. */
  loaded?: LoadedTemplate;
  diagnostics: TemplateDiagnostic[];
}
