import type { Stats } from 'node:fs';
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../fs/writeFileAtomic.js';
import type { LoadedTemplate, TemplateOrigin, TemplateParseResult } from './LoadedTemplate.js';
import { locateInTemplateText } from './locateInTemplateText.js';
import type { TemplateDiagnostic } from './TemplateDiagnostic.js';
import type { Template } from './templateSchema.js';

const CACHE_FORMAT = 1;

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
}

/**
 * Parsing and validating templates is most of a cold `templates list`. Templates that parsed are
 * kept in the cache dir keyed by path, size and mtime, and by the parser's own file (a new build
 * starts afresh). A cached template's locator parses the file again only when asked for a position.
 * A cache that is missing, corrupt or of another format is ignored.
 */
export class TemplateParseCache {
  private changed = false;

  private constructor(
    private readonly path: string,
    /** Undefined when the parser's own file cannot be found: nothing is then cached or reused. */
    private readonly code: string | undefined,
    private readonly entries: Record<string, CachedTemplate>,
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
      return new TemplateParseCache(
        path,
        code,
        usable ? (data.entries as Record<string, CachedTemplate>) : {},
      );
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

  /** Writes the cache when something new was parsed; a cache that cannot be written is not an error. */
  async save(): Promise<void> {
    if (!this.changed || this.code === undefined) return;
    const data: CacheFile = { format: CACHE_FORMAT, code: this.code, entries: this.entries };
    await writeFileAtomic(this.path, JSON.stringify(data), 0o600).catch(() => undefined);
    this.changed = false;
  }
}

/** The size and mtime of this module's file: a new build or version changes it, so old entries are dropped. */
function codeStamp(): string | undefined {
  try {
    const info = statSync(fileURLToPath(import.meta.url));
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
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
    locate: (path, options) => locate(path, options),
  };
}
