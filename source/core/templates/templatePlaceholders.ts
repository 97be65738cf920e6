/**
 * CloudWorkstation's parameter placeholders: Go-template field references such as `{{.dataset}}`
 * or `{{ .dataset }}`. A Go string literal (`` {{`{{.Names}}`}} `` or `{{"{{"}}`) is how a Go
 * template writes braces that must stay (a `docker ps --format`), and it becomes its text. Any
 * other `{{ ... }}` (pipelines, functions, conditionals) is not supported and is reported rather
 * than left in a script.
 */
const EXPRESSION = /\{\{\s*(`[^`]*`|"(?:[^"\\\n]|\\.)*")\s*\}\}|\{\{(.*?)\}\}/g;
const FIELD = /^\s*\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;

export interface PlaceholderUse {
  /** The parameter's name, or undefined when the expression is not a plain `.name`. */
  name: string | undefined;
  /** The whole expression as written, braces included. */
  raw: string;
  index: number;
}

/** The text of a Go string literal: a raw `` `…` `` as written, a `"…"` with its escapes read. */
function literalText(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** Every `{{ ... }}` in `text` that is not a string literal, in order. */
export function placeholdersIn(text: string): PlaceholderUse[] {
  return [...text.matchAll(EXPRESSION)]
    .filter((match) => match[1] === undefined)
    .map((match) => ({
      name: FIELD.exec(match[2] ?? '')?.[1],
      raw: match[0],
      index: match.index,
    }));
}

export function hasPlaceholder(text: string): boolean {
  return placeholdersIn(text).length > 0;
}

/**
 * `text` with each `{{.name}}` replaced by `values[name]`, each value passed through `check` first
 * (which throws, naming the field, when the value may not go there). Throws on an unknown name.
 */
export function fillPlaceholders(
  text: string,
  values: ReadonlyMap<string, string>,
  onUnknown: (use: PlaceholderUse) => never,
  check: (name: string, value: string) => void = () => {},
): string {
  if (!text.includes('{{')) return text;
  return text.replace(EXPRESSION, (raw, literal: string | undefined, body: string, index: number) => {
    if (literal !== undefined) return literalText(literal);
    const name = FIELD.exec(body)?.[1];
    const value = name === undefined ? undefined : values.get(name);
    if (name === undefined || value === undefined) return onUnknown({ name, raw, index });
    check(name, value);
    return value;
  });
}
