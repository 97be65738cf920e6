import { readFile } from 'node:fs/promises';
import { isMap, isNode, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { PolicyParseError, type PolicyProblem } from './PolicyParseError.js';
import { type Policy, policySchema } from './policySchema.js';

/**
 * Parses a policy YAML document. Syntax errors, unknown keys and wrong types all become a
 * PolicyParseError whose problems carry `source:line:column` and the key path.
 */
export function parsePolicy(text: string, source = 'policy'): Policy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new PolicyParseError(
      source,
      document.errors.map((error) => {
        const position = lineCounter.linePos(error.pos[0]);
        return { path: '', line: position.line, column: position.col, message: firstLine(error.message) };
      }),
    );
  }
  let value: unknown;
  try {
    value = document.toJS() ?? {};
  } catch (error) {
    // toJS throws on what the parser lets through, such as an alias to an anchor that does not exist.
    throw new PolicyParseError(source, [{ path: '', message: firstLine((error as Error).message) }]);
  }
  const result = policySchema.safeParse(value);
  if (result.success) return result.data;
  throw new PolicyParseError(
    source,
    result.error.issues.flatMap((issue) => problemsOfIssue(issue, document.contents, lineCounter)),
  );
}

/** Reads and parses a policy file; a missing or unreadable file is a PolicyParseError too. */
export async function loadPolicyFile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new PolicyParseError(path, [{ path: '', message: `cannot read the policy file: ${reason}` }]);
  }
  return parsePolicy(text, path);
}

function problemsOfIssue(issue: z.core.$ZodIssue, root: unknown, lineCounter: LineCounter): PolicyProblem[] {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyNode = findKeyNode(nodeAt(root, path), key);
      return {
        path: formatPath([...path, key]),
        ...position(keyNode, lineCounter),
        message: `unknown key '${key}'`,
      };
    });
  }
  return [{ path: formatPath(path), ...position(nodeAt(root, path), lineCounter), message: issue.message }];
}

function nodeAt(root: unknown, path: (string | number)[]): unknown {
  let node = root;
  for (const part of path) {
    if (!isNode(node) || !('get' in node) || typeof node.get !== 'function') return node;
    const child: unknown = (node as { get(key: unknown, keepScalar: boolean): unknown }).get(part, true);
    if (child === undefined) return node;
    node = child;
  }
  return node;
}

function findKeyNode(mapNode: unknown, key: string): unknown {
  if (!isMap(mapNode)) return mapNode;
  const pair = mapNode.items.find((item) => isNode(item.key) && String(item.key.toJSON()) === key);
  return pair?.key ?? mapNode;
}

function position(node: unknown, lineCounter: LineCounter): { line?: number; column?: number } {
  const range = isNode(node) ? (node as Node).range : undefined;
  if (!range) return {};
  const { line, col } = lineCounter.linePos(range[0]);
  return { line, column: col };
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
