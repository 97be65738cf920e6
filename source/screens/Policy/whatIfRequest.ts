import type { LaunchRequest } from '../../core/launch/LaunchRequest.js';
import { reservedTagProblem } from '../../core/launch/reservedTagProblem.js';
import { validateTagValue } from '../../core/launch/validateLaunchNames.js';

/** What the what-if form holds: a launch as `cws-tui launch` would ask for it. */
export interface WhatIfForm {
  template: string;
  /** A size of the template, or '' to use the typed instance type. */
  size: string;
  instance_type: string;
  region: string;
  spot: boolean;
  /** Tags as typed: `project=thesis grant=G-12` (spaces or commas between them). */
  tags: string;
}

/** `project=thesis, grant=G-12` as tags, refused as `launch --tag` refuses them. */
export function parseWhatIfTags(text: string): { tags: Record<string, string> } | { problem: string } {
  const tags: Record<string, string> = {};
  for (const entry of text.split(/[\s,]+/).filter((part) => part !== '')) {
    const separator = entry.indexOf('=');
    if (separator <= 0) return { problem: `a tag is key=value, got '${entry}'` };
    const [key, value] = [entry.slice(0, separator), entry.slice(separator + 1)];
    const problem = reservedTagProblem(key) ?? validateTagValue(key, value);
    if (problem) return { problem };
    tags[key] = value;
  }
  return { tags };
}

/**
 * The launch the form describes, checked by the launch's own functions (previewLaunch). Its name is
 * one no workstation has, so that only the template, type, region, purchase and tags are judged.
 */
export function whatIfRequest(form: WhatIfForm, name: string): LaunchRequest | { problem: string } {
  const parsed = parseWhatIfTags(form.tags);
  if ('problem' in parsed) return parsed;
  if (form.size === '' && form.instance_type === '')
    return { problem: 'type an instance type, or pick a size' };
  return {
    template: form.template,
    name,
    ...(form.size !== '' ? { size: form.size } : { instance_type: form.instance_type }),
    region: form.region,
    spot: form.spot,
    hibernation: false,
    ...(Object.keys(parsed.tags).length > 0 ? { tags: parsed.tags } : {}),
  };
}
