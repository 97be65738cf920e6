/** Templates are a few KB; anything past this is not a template and is not parsed. */
export const MAX_TEMPLATE_BYTES = 1024 * 1024;

export function formatTemplateSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function describeOversize(bytes: number): string {
  return `file is ${formatTemplateSize(bytes)}; a template is at most ${formatTemplateSize(MAX_TEMPLATE_BYTES)}`;
}
