import { checkParameterValue, resolveParameterValues } from '../../core/templates/resolveParameterValues.js';
import { TemplateParameterError } from '../../core/templates/TemplateParameterError.js';
import type { Template, TemplateParameter } from '../../core/templates/templateSchema.js';

/** One question of the parameters page: a template parameter, in the template's order. */
export interface ParameterField {
  name: string;
  label: string;
  parameter: TemplateParameter;
  type: 'string' | 'int' | 'float' | 'bool' | 'choice';
  choices: string[];
}

/** The template's parameters as the page asks them: by `order`, then as written. */
export function parameterFields(template: Pick<Template, 'parameters'>): ParameterField[] {
  return Object.entries(template.parameters ?? {})
    .map(([name, parameter], index) => ({ name, parameter, index }))
    .sort((a, b) => (a.parameter.order ?? a.index) - (b.parameter.order ?? b.index))
    .map(({ name, parameter }) => ({
      name,
      label: parameter.display_name ?? name,
      parameter,
      type: parameter.type ?? (parameter.choices ? 'choice' : 'string'),
      choices: (parameter.choices ?? []).map(String),
    }));
}

/** What the page shows for a field: the value typed or chosen, else the default. */
export function parameterValueOf(field: ParameterField, values: Readonly<Record<string, string>>): string {
  return values[field.name] ?? (field.parameter.default === undefined ? '' : String(field.parameter.default));
}

/** The next value of a choice or bool field when Space is pressed: the values in turn. */
export function cycledParameterValue(
  field: ParameterField,
  values: Readonly<Record<string, string>>,
): string {
  const current = parameterValueOf(field, values);
  const options = field.type === 'bool' ? ['true', 'false'] : field.choices;
  const at = options.indexOf(field.type === 'bool' && current === '' ? 'false' : current);
  return options[(at + 1) % options.length] ?? current;
}

/** Whether a field takes typed text (string and numbers) rather than Space to cycle. */
export function isTypedParameter(field: ParameterField | undefined): boolean {
  return field !== undefined && field.type !== 'bool' && field.type !== 'choice';
}

/** Why one typed value does not fit its declaration, for the line under the field; undefined when it does. */
export function parameterFieldProblem(
  field: ParameterField,
  values: Readonly<Record<string, string>>,
): string | undefined {
  const value = parameterValueOf(field, values);
  if (value === '' && field.parameter.default === undefined) return undefined;
  const checked = checkParameterValue(field.name, field.parameter, value);
  return 'problem' in checked ? checked.problem : undefined;
}

/**
 * The values the launch sends (only those changed from the defaults), or the first problem when a
 * value does not fit: the same check the launch pipeline makes, before the review.
 */
export function confirmedParameters(
  template: Pick<Template, 'parameters' | 'variables'>,
  values: Readonly<Record<string, string>>,
): { values: Record<string, string> } | { problem: string } {
  try {
    resolveParameterValues(template, values);
  } catch (error) {
    if (error instanceof TemplateParameterError)
      return { problem: error.problems[0]?.message ?? error.message };
    throw error;
  }
  return { values: { ...values } };
}
