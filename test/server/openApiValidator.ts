import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { ApiResponse } from './apiClient.js';

type Document = {
  components: { schemas: Record<string, unknown> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
  >;
};

/**
 * Validates responses against the server's own OpenAPI document with a JSON Schema 2020-12
 * validator: the path template and method must exist, the status must be documented, and the body
 * must match its schema.
 */
export function openApiValidator(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: document.components });
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));
  return (method: string, path: string, response: ApiResponse): void => {
    const bare = path.split('?')[0] ?? path;
    // A literal path (`/v1/templates/validate`) before a template that also matches it.
    const found =
      templates.find(
        (entry) => entry.template === bare && document.paths[entry.template]?.[method.toLowerCase()],
      ) ??
      templates.find(
        (entry) => entry.pattern.test(bare) && document.paths[entry.template]?.[method.toLowerCase()],
      ) ??
      templates.find((entry) => entry.pattern.test(bare));
    if (!found) {
      // A path the document does not have is refused with its Error shape.
      // (401 first on a TCP listener without a valid token: nothing is said to a stranger.)
      expect([401, 404], `${method} ${bare} is not in the document`).toContain(response.status);
      const validateError = ajv.compile({ $ref: 'openapi#/components/schemas/Error' });
      expect(validateError(response.json), ajv.errorsText(validateError.errors)).toBe(true);
      return;
    }
    const operation = document.paths[found?.template ?? '']?.[method.toLowerCase()];
    expect(operation, `${method} ${found?.template} is documented`).toBeDefined();
    const documented = operation?.responses[String(response.status)];
    expect(documented, `${method} ${bare} documents status ${response.status}`).toBeDefined();
    const schema = documented?.content?.['application/json']?.schema as { $ref?: string } | undefined;
    if (!schema) return;
    const validate = ajv.compile({ $ref: `openapi${schema.$ref ?? ''}` });
    const valid = validate(response.json);
    expect(valid, `${method} ${bare} ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
}
