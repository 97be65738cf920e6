import { closestKnownKey } from './closestKnownKey.js';
import { TemplateParameterError } from './TemplateParameterError.js';
import type { Template, TemplateParameter } from './templateSchema.js';

export type ParameterInput = string | number | boolean;

/** The same limit the boot script's rule for parameter values has: printable, at most 256. */
const PRINTABLE = /^[^\x00-\x1f\x7f]{0,256}$/;
const INTEGER = /^[+-]?\d{1,15}$/;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const TRUE_WORDS = ['true', 'yes', 'on', '1'];
const FALSE_WORDS = ['false', 'no', 'off', '0'];

/** Why `raw` is not a value of `parameter` (named `name`), or the value as text for the script. */
export function checkParameterValue(
  name: string,
  parameter: TemplateParameter,
  raw: ParameterInput,
): { value: string } | { problem: string } {
  const type = parameter.type ?? (parameter.choices ? 'choice' : 'string');
  // Text is kept exactly as given; only the typed forms are read leniently.
  const text = type === 'string' ? String(raw) : String(raw).trim();
  const fail = (why: string) => ({ problem: `parameter ${name}: '${String(raw)}' ${why}` });
  if (!PRINTABLE.test(text)) return fail('is not printable text of at most 256 characters');
  const validation =
    typeof parameter.validation === 'string' ? { pattern: parameter.validation } : parameter.validation;
  const hint = validation?.message ? ` (${validation.message})` : '';
  if (type === 'bool') {
    const word = text.toLowerCase();
    if (TRUE_WORDS.includes(word)) return { value: 'true' };
    if (FALSE_WORDS.includes(word)) return { value: 'false' };
    return fail('is not true or false');
  }
  if (type === 'choice') {
    const choices = (parameter.choices ?? []).map(String);
    return choices.includes(text) ? { value: text } : fail(`is not one of ${choices.join(', ')}`);
  }
  if (type === 'int' || type === 'float') {
    if (!(type === 'int' ? INTEGER : FLOAT).test(text))
      return fail(`is not ${type === 'int' ? 'a whole number' : 'a number'}`);
    const number = Number(text);
    if (validation?.min !== undefined && number < validation.min)
      return fail(`is below ${validation.min}${hint}`);
    if (validation?.max !== undefined && number > validation.max)
      return fail(`is above ${validation.max}${hint}`);
    return { value: String(number) };
  }
  if (validation?.min_length !== undefined && text.length < validation.min_length)
    return fail(`is shorter than ${validation.min_length} characters${hint}`);
  if (validation?.max_length !== undefined && text.length > validation.max_length)
    return fail(`is longer than ${validation.max_length} characters${hint}`);
  if (validation?.pattern !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${validation.pattern})$`, 'u');
    } catch {
      return {
        problem: `parameter ${name}: validation pattern '${validation.pattern}' is not a regular expression`,
      };
    }
    if (!pattern.test(text)) return fail(`does not match ${validation.pattern}${hint}`);
  }
  return { value: text };
}

/** A stand-in used to check a template whose parameter has no default: what a launch could give. */
export function sampleParameterValue(parameter: TemplateParameter): ParameterInput {
  if (parameter.default !== undefined) return parameter.default;
  if (parameter.choices?.[0] !== undefined) return parameter.choices[0];
  if (parameter.type === 'bool') return false;
  const bounds = typeof parameter.validation === 'object' ? parameter.validation : undefined;
  if (parameter.type === 'int' || parameter.type === 'float') return bounds?.min ?? 0;
  return 'sample';
}

/**
 * Every placeholder's value for one launch: the template's `variables`, then each parameter's
 * default, overridden by the values given at launch, each checked against its declaration.
 * Throws TemplateParameterError listing every problem (an unknown name, a missing required value,
 * a value of the wrong type or outside its validation).
 */
export function resolveParameterValues(
  template: Pick<Template, 'parameters' | 'variables'>,
  given: Readonly<Record<string, ParameterInput>> = {},
  options: { samples?: boolean } = {},
): Map<string, string> {
  const values = new Map<string, string>();
  const problems: { field: string; value: string; message: string }[] = [];
  const declared = template.parameters ?? {};
  for (const [name, value] of Object.entries(template.variables ?? {})) values.set(name, String(value));
  for (const name of Object.keys(given)) {
    if (Object.hasOwn(declared, name)) continue;
    const closest = closestKnownKey(name, Object.keys(declared));
    const known = Object.keys(declared);
    problems.push({
      field: 'parameters',
      value: name,
      message: `the template has no parameter '${name}'${closest ? ` (closest: '${closest}')` : ''}; ${known.length > 0 ? `its parameters: ${known.join(', ')}` : 'it takes none'}`,
    });
  }
  for (const [name, parameter] of Object.entries(declared)) {
    const raw = given[name] ?? (options.samples ? sampleParameterValue(parameter) : parameter.default);
    if (raw === undefined) {
      problems.push({
        field: `parameters.${name}`,
        value: '',
        message: `parameter ${name} has no default: give it with --param ${name}=VALUE`,
      });
      continue;
    }
    const checked = checkParameterValue(name, parameter, raw);
    if ('problem' in checked)
      problems.push({ field: `parameters.${name}`, value: String(raw), message: checked.problem });
    else values.set(name, checked.value);
  }
  if (problems.length > 0) throw new TemplateParameterError(problems);
  return values;
}
