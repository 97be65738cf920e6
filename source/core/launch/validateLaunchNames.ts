/** A workstation name: it becomes the Name tag, a key pair suffix and an argument on the command line. */
const WORKSTATION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/**
 * What EC2 and EFS accept in a tag key or value, with the plain space as the only white space: a
 * line break or tab in a tag would reach every listing, log and terminal that shows it.
 */
const TAG_TEXT = /^[\p{L}\p{N} _.:/=+\-@]*$/u;

export function validateWorkstationName(name: string): string | undefined {
  if (WORKSTATION_NAME.test(name)) return undefined;
  return `the name '${name.replace(/[^\x20-\x7e]/g, '?')}' is not valid: use 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit`;
}

export function validateTagValue(key: string, value: string): string | undefined {
  if (key.length === 0 || key.length > 128 || !TAG_TEXT.test(key) || key.toLowerCase().startsWith('aws:')) {
    return `the tag key '${key}' is not valid: 1-128 letters, digits, spaces and _ . : / = + - @, not starting with aws:`;
  }
  if (value.length > 256 || !TAG_TEXT.test(value)) {
    return `the value of tag '${key}' is not valid: at most 256 letters, digits, spaces and _ . : / = + - @`;
  }
  return undefined;
}

/** A project name: a tag value (cws:project and project) on every resource of the launch. */
export function validateProject(project: string): string | undefined {
  if (project.trim() === '') return 'the project cannot be empty';
  return validateTagValue('project', project)?.replace("the value of tag 'project'", 'the project');
}

/** Free text (an override reason) made fit for a tag value: other characters become spaces. */
export function toTagValue(text: string): string {
  const cleaned = [...text]
    .map((char) => (TAG_TEXT.test(char) ? char : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length <= 256 ? cleaned : cleaned.slice(0, 256);
}
