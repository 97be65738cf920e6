import { LineCounter, parseDocument } from 'yaml';
import { createYamlLocator, type YamlLocator } from './createYamlLocator.js';
import type { SourcePosition, TemplatePath } from './LoadedTemplate.js';

/**
 * A locator for a template that was read from the parse cache: the YAML is parsed again (without
 * the schema, so without zod) the first time a position is asked for.
 */
export function locateInTemplateText(read: () => string): YamlLocator {
  let locate: YamlLocator | undefined;
  return (path: TemplatePath, options?: { key?: boolean; find?: string }): SourcePosition => {
    if (!locate) {
      const text = read();
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      locate = createYamlLocator(document, lineCounter, text);
    }
    return locate(path, options);
  };
}
