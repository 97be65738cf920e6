import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { closestKnownKey } from './closestKnownKey.js';
import { createYamlLocator, type YamlLocator } from './createYamlLocator.js';
import {
  describeSchemaIssue,
  formatTemplatePath,
  mostSpecificIssue,
  schemaIssuePath,
  valueAt,
} from './describeSchemaIssue.js';
import { firstInvalidUtf8Offset } from './firstInvalidUtf8Offset.js';
import { knownKeysAt } from './knownKeysAt.js';
import type { TemplateOrigin, TemplateParseResult, TemplatePath } from './LoadedTemplate.js';
import { slugFromName } from './slugFromName.js';
import type { DiagnosticSeverity, TemplateDiagnostic } from './TemplateDiagnostic.js';
import { describeOversize, MAX_TEMPLATE_BYTES } from './templateFileLimit.js';
import { type Template, templateSchema } from './templateSchema.js';

export { describeOversize, MAX_TEMPLATE_BYTES } from './templateFileLimit.js';

export interface ParseTemplateOptions {
  file: string;
  origin?: TemplateOrigin;
}

function deleteAt(data: unknown, path: TemplatePath, key: string): void {
  const holder = valueAt(data, path);
  if (typeof holder === 'object' && holder !== null) delete (holder as Record<string, unknown>)[key];
}

/**
 * Parses and validates one template from its bytes: size, encoding, YAML syntax, then the schema.
 * Every problem becomes a diagnostic with its line and column; unknown keys are warnings (and are
 * dropped), everything else is an error and yields no template.
 */
export function parseTemplate(
  content: Uint8Array | string,
  options: ParseTemplateOptions,
): TemplateParseResult {
  const { file, origin = 'path' } = options;
  const diagnostics: TemplateDiagnostic[] = [];
  const report = (severity: DiagnosticSeverity, line: number, column: number, message: string): void => {
    diagnostics.push({ file, line, column, severity, message });
  };

  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size > MAX_TEMPLATE_BYTES) {
    report('error', 1, 1, describeOversize(size));
    return { diagnostics };
  }

  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    const invalidAt = firstInvalidUtf8Offset(content);
    if (invalidAt >= 0) {
      const before = new TextDecoder().decode(content.subarray(0, invalidAt));
      const lines = before.split('\n');
      const byte = content[invalidAt]!.toString(16).toUpperCase().padStart(2, '0');
      report(
        'error',
        lines.length,
        lines.at(-1)!.length + 1,
        `file is not UTF-8 (byte 0x${byte} is not valid here); save it as UTF-8`,
      );
      return { diagnostics };
    }
    text = new TextDecoder().decode(content);
  }

  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // Later syntax errors usually follow from the first, so only the first is reported.
    const { line, col } = lineCounter.linePos(syntaxError.pos[0]);
    report('error', line, col, `YAML syntax: ${syntaxError.message.split('\n')[0]}`);
    return { diagnostics };
  }
  const locate: YamlLocator = createYamlLocator(document, lineCounter, text);
  if (!isMap(document.contents)) {
    const found =
      document.contents === null ? 'an empty file' : isSeq(document.contents) ? 'a list' : 'a single value';
    const position = locate([]);
    report(
      'error',
      position.line,
      position.column,
      `a template is a YAML mapping (name: ..., base: ...), found ${found}`,
    );
    return { diagnostics };
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    report('error', 1, 1, `YAML: ${error instanceof Error ? error.message : String(error)}`);
    return { diagnostics };
  }

  const result = templateSchema.safeParse(data);
  let template: Template;
  if (result.success) {
    template = result.data;
  } else {
    const unknownKeys: { path: TemplatePath; key: string }[] = [];
    for (const reported of result.error.issues) {
      const issue = mostSpecificIssue(reported);
      const path = schemaIssuePath(issue);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) unknownKeys.push({ path, key });
        continue;
      }
      const position = locate(path);
      report('error', position.line, position.column, describeSchemaIssue(issue, data));
    }
    for (const { path, key } of unknownKeys) {
      const position = locate([...path, key], { key: true });
      report('warning', position.line, position.column, describeUnknownKey(path, key, data));
      deleteAt(data, path, key);
    }
    if (diagnostics.some((diagnostic) => diagnostic.severity === 'error'))
      return { diagnostics: byPosition(diagnostics) };
    // Only unknown keys were wrong, and they are gone now.
    const retried = templateSchema.safeParse(data);
    if (!retried.success) {
      for (const reported of retried.error.issues) {
        const issue = mostSpecificIssue(reported);
        const position = locate(schemaIssuePath(issue));
        report('error', position.line, position.column, describeSchemaIssue(issue, data));
      }
      return { diagnostics };
    }
    template = retried.data;
  }

  const slug = template.slug ?? slugFromName(template.name);
  if (slug === '') {
    const position = locate(['name']);
    report('error', position.line, position.column, 'cannot derive a slug from the name; add a `slug:` line');
    return { diagnostics };
  }
  return { loaded: { template, slug, source: file, origin, locate }, diagnostics: byPosition(diagnostics) };
}

function byPosition(diagnostics: TemplateDiagnostic[]): TemplateDiagnostic[] {
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}

function describeUnknownKey(path: TemplatePath, key: string, data: unknown): string {
  const where = path.length === 0 ? '' : ` in ${formatTemplatePath(path)}`;
  const closest = closestKnownKey(key, knownKeysAt(templateSchema as z.ZodType, path, data));
  const hint = closest ? ` (closest known key: '${closest}')` : '';
  return `unknown key '${key}'${where}${hint}; it is ignored`;
}
