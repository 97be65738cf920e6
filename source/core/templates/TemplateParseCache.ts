import type { Stats } from 'node:fs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import { builtinTemplatesDir } from './builtinTemplatesDir.js';
import type { LoadedTemplate, TemplateOrigin, TemplateParseResult } from './LoadedTemplate.js';
import { locateInTemplateText } from './locateInTemplateText.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import type { TemplateFindingsMemo } from './TemplateRegistry.js';
import type { Template } from './templateSchema.js';

const CACHE_FORMAT = 2;

interface CachedTemplate {
  size: number;
  mtimeMs: number;
  origin: TemplateOrigin;
  slug: string;
  template: Template;
  diagnostics: TemplateDiagnostic[];
}

interface CacheFile {
  format: number;
  code: string;
  entries: Record<string, CachedTemplate>;
  /** Findings about resolved templates, by chainFindingsKey. */
  findings: Record<string, TemplateDiagnostic[]>;
}

/**
 * Parsing and validating templates is most of a cold `templates list`. Templates that parsed are
 * kept in the cache dir keyed by path, size and mtime, and by the parser's own file (a new build
 * starts afresh). A cached template's locator parses the file again only when asked for a position.
 * The findings about each resolved template (inheritance applied) are kept too, keyed by the files
 * of its chain and their stamps (the TemplateFindingsMemo of the registry).
 * A cache that is missing, corrupt or of another format is ignored.
 */
export class TemplateParseCache implements TemplateFindingsMemo {
  private changed = false;
  private saveScheduled = false;

  private constructor(
    private readonly path: string,
    /** Undefined when the parser's own file cannot be found: nothing is then cached or reused. */
    private readonly code: string | undefined,
    private readonly entries: Record<string, CachedTemplate>,
    private readonly findings: Record<string, TemplateDiagnostic[]> = {},
  ) {}

  static async open(cacheDir: string): Promise<TemplateParseCache> {
    const path = join(cacheDir, `templates-v${CACHE_FORMAT}.json`);
    const code = codeStamp();
    if (code === undefined) return new TemplateParseCache(path, code, {});
    try {
      const data = JSON.parse(await readFile(path, 'utf8')) as Partial<CacheFile>;
      const usable =
        data.format === CACHE_FORMAT &&
        data.code === code &&
        typeof data.entries === 'object' &&
        data.entries !== null;
      return usable
        ? new TemplateParseCache(
            path,
            code,
            data.entries as Record<string, CachedTemplate>,
            typeof data.findings === 'object' && data.findings !== null ? data.findings : {},
          )
        : new TemplateParseCache(path, code, {});
    } catch {
      return new TemplateParseCache(path, code, {});
    }
  }

  /** The parse of `file` with these stats, from the cache or parsed now (and remembered). */
  parse(
    file: string,
    info: Stats,
    origin: TemplateOrigin,
    read: () => Promise<Buffer>,
  ): Promise<TemplateParseResult> {
    const hit = this.entries[file];
    if (
      hit &&
      hit.size === info.size &&
      hit.mtimeMs === info.mtimeMs &&
      hit.origin === origin &&
      typeof hit.slug === 'string' &&
      typeof hit.template === 'object' &&
      Array.isArray(hit.diagnostics)
    ) {
      return Promise.resolve({ loaded: fromCache(file, hit), diagnostics: hit.diagnostics });
    }
    // The parser (and zod with it) is loaded only when a file must be parsed.
    return Promise.all([read(), import('./parseTemplate.js')]).then(([bytes, { parseTemplate }]) => {
      const result = parseTemplate(bytes, { file, origin });
      if (result.loaded) {
        result.loaded.stamp = stampOf(info.size, info.mtimeMs);
        this.entries[file] = {
          size: info.size,
          mtimeMs: info.mtimeMs,
          origin,
          slug: result.loaded.slug,
          template: result.loaded.template,
          diagnostics: result.diagnostics,
        };
        this.changed = true;
      }
      return result;
    });
  }

  get(key: string): TemplateDiagnostic[] | undefined {
    const found = this.findings[key];
    return Array.isArray(found) ? found : undefined;
  }

  /** Remembers a chain's findings; the file is written once the current work is done. */
  set(key: string, findings: TemplateDiagnostic[]): void {
    if (this.code === undefined) return;
    this.findings[key] = findings;
    this.changed = true;
    if (this.saveScheduled) return;
    this.saveScheduled = true;
    setImmediate(() => {
      this.saveScheduled = false;
      void this.save();
    });
  }

  /** Writes the cache when something new was parsed; a cache that cannot be written is not an error. */
  async save(): Promise<void> {
    if (!this.changed || this.code === undefined) return;
    const data: CacheFile = {
      format: CACHE_FORMAT,
      code: this.code,
      entries: this.entries,
      findings: this.currentFindings(),
    };
    await writeFileAtomic(this.path, JSON.stringify(data), 0o600).catch(() => undefined);
    this.changed = false;
  }

  /** Findings whose files all still have the stamps they were found with; the rest can never match again. */
  private currentFindings(): Record<string, TemplateDiagnostic[]> {
    const kept: Record<string, TemplateDiagnostic[]> = {};
    for (const [key, findings] of Object.entries(this.findings)) {
      const current = key.split('\n').every((line) => {
        const [, file = '', stamp] = line.split('\t');
        const entry = this.entries[file];
        return entry !== undefined && stampOf(entry.size, entry.mtimeMs) === stamp;
      });
      if (current) kept[key] = findings;
    }
    return kept;
  }
}

function stampOf(size: number, mtimeMs: number): string {
  return `${size}:${mtimeMs}`;
}

/**
 * This module's file, and the shipped package lists the findings check names against: a new build,
 * version or package list changes it, so old entries are dropped.
 */
function codeStamp(): string | undefined {
  try {
    const info = statSync(fileURLToPath(import.meta.url));
    return `${stampOf(info.size, info.mtimeMs)};${packageIndexStamp()}`;
  } catch {
    return undefined;
  }
}

function packageIndexStamp(): string {
  const directory = join(builtinTemplatesDir(), 'package-index');
  try {
    return readdirSync(directory)
      .sort()
      .map((name) => {
        const info = statSync(join(directory, name));
        return `${name}=${stampOf(info.size, info.mtimeMs)}`;
      })
      .join(',');
  } catch {
    return 'none';
  }
}

function fromCache(file: string, hit: CachedTemplate): LoadedTemplate {
  // Positions are rarely asked for (a diagnostic about the resolved template): parse only then.
  const locate = locateInTemplateText(() => readFileSync(file, 'utf8'));
  return {
    template: hit.template,
    slug: hit.slug,
    source: file,
    origin: hit.origin,
    stamp: stampOf(hit.size, hit.mtimeMs),
    locate: (path, options) => locate(path, options),
  };
}
