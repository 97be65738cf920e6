import { mergeClusterConfig } from '../hpc/mergeClusterConfig.js';
import { mergeServiceConfig } from './serviceConfigSettings.js';
import { filePathOf } from './templateFileKinds.js';
import type { Template, TemplateFile, TemplateService, TemplateUser } from './templateSchema.js';

/**
 * The inheritance merge rules, one per field of the format (the mapped type makes a new field a
 * compile error until it has a rule):
 *  - own: describes this one template and is never inherited (name, slug, inherits, description,
 *    long_description, popular, featured, version, last_updated)
 *  - scalars: the child's value wins when present, else the parent's
 *  - lists (ports, packages.*, prerequisites, learning_resources): parent first, then the child's
 *    new entries; duplicates are dropped
 *  - lists of named things: users and services merge by name, files by path; the child's fields
 *    win, a user's groups are combined
 *  - maps (tags, variables, idle_detection, parameters, research_user, ...): merged by key, the
 *    child's value wins per key
 *  - sizes: the child's set replaces the parent's (a set of sizes is chosen for one workload)
 *  - scripts (post_install, user_data): concatenated, parent first
 *  - service_config, bigdata: merged by key when both have the same kind, else the child's replaces it
 */
type MergeRule<K extends keyof Template> = (parent: Template[K], child: Template[K]) => Template[K];
type MergeRules = { [K in keyof Template]-?: MergeRule<K> };

/** Drops the fields a sub-rule left undefined, so merged templates carry no empty keys. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

const own = <T>(_parent: T, child: T): T => child;
const override = <T>(parent: T, child: T): T => (child === undefined ? parent : child);

function uniqueList<T>(parent: T[] | undefined, child: T[] | undefined): T[] | undefined {
  if (!parent) return child;
  if (!child) return parent;
  // A Set tells 22 from "22" by itself; only objects need a key to compare by value.
  const seen = new Set<unknown>();
  const merged: T[] = [];
  for (const list of [parent, child]) {
    for (const item of list) {
      const key = typeof item === 'object' ? JSON.stringify(item) : item;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(item);
    }
  }
  return merged;
}

function mapMerge<T extends object>(parent: T | undefined, child: T | undefined): T | undefined {
  if (!parent) return child;
  if (!child) return parent;
  return { ...parent, ...child };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps merged by key at every depth (research_user holds nested sections). */
function deepMapMerge<T extends Record<string, unknown>>(
  parent: T | undefined,
  child: T | undefined,
): T | undefined {
  if (!parent) return child;
  if (!child) return parent;
  const merged: Record<string, unknown> = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const inherited = merged[key];
    merged[key] = isPlainObject(inherited) && isPlainObject(value) ? deepMapMerge(inherited, value) : value;
  }
  return merged as T;
}

function concatenateScripts(parent: string | undefined, child: string | undefined): string | undefined {
  if (!parent) return child;
  if (!child) return parent;
  return `${parent.endsWith('\n') ? parent : `${parent}\n`}${child}`;
}

/** Parent order is kept; an item the child also names is merged in place, new ones are appended. */
function mergeByKey<T>(
  parent: T[] | undefined,
  child: T[] | undefined,
  keyOf: (item: T) => string,
  mergeItem: (parent: T, child: T) => T,
): T[] | undefined {
  if (!parent) return child;
  if (!child) return parent;
  const merged = new Map<string, T>(parent.map((item) => [keyOf(item), item]));
  for (const item of child) {
    const inherited = merged.get(keyOf(item));
    merged.set(keyOf(item), inherited === undefined ? item : mergeItem(inherited, item));
  }
  return [...merged.values()];
}

const mergeUser = (parent: TemplateUser, child: TemplateUser): TemplateUser =>
  compact({ ...parent, ...child, groups: uniqueList(parent.groups, child.groups) });

const mergeService = (parent: TemplateService, child: TemplateService): TemplateService =>
  compact({ ...parent, ...child, config: mergeServiceConfig(parent.config, child.config) });

const replaceFile = (_parent: TemplateFile, child: TemplateFile): TemplateFile => child;

const rules: MergeRules = {
  name: own,
  slug: own,
  inherits: own,
  description: own,
  long_description: own,
  popular: own,
  featured: own,
  version: own,
  last_updated: own,
  // A compliance claim is the publisher's promise for this file: a child makes its own or none.
  compliance: own,
  base: override,
  ami_config: override,
  package_manager: override,
  connection_type: override,
  complexity: override,
  category: override,
  domain: override,
  icon: override,
  color: override,
  maintainer: override,
  minimum_size: override,
  estimated_launch_time: override,
  validation_status: override,
  architecture: override,
  packages: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    return compact({
      system: uniqueList(parent.system, child.system),
      conda: uniqueList(parent.conda, child.conda),
      pip: uniqueList(parent.pip, child.pip),
      spack: uniqueList(parent.spack, child.spack),
      r: uniqueList(parent.r, child.r),
    });
  },
  users: (parent, child) => mergeByKey(parent, child, (user) => user.name, mergeUser),
  services: (parent, child) => mergeByKey(parent, child, (service) => service.name, mergeService),
  files: (parent, child) => mergeByKey(parent, child, filePathOf, replaceFile),
  post_install: concatenateScripts,
  user_data: concatenateScripts,
  idle_detection: mapMerge,
  cloudwatch_agent: override,
  instance_defaults: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    return compact({
      type: override(parent.type, child.type),
      ports: uniqueList(parent.ports, child.ports),
      root_volume_gb: override(parent.root_volume_gb, child.root_volume_gb),
      estimated_cost_per_hour: mapMerge(parent.estimated_cost_per_hour, child.estimated_cost_per_hour),
    });
  },
  service_config: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    return parent.kind === child.kind ? { ...parent, ...child } : child;
  },
  cluster_config: mergeClusterConfig,
  bigdata: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    return parent.kind === child.kind ? ({ ...parent, ...child } as typeof child) : child;
  },
  analytics: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    return parent.kind === child.kind ? ({ ...parent, ...child } as typeof child) : child;
  },
  storage: override,
  parameters: (parent, child) => {
    if (!parent) return child;
    if (!child) return parent;
    const merged = { ...parent };
    for (const [key, parameter] of Object.entries(child)) merged[key] = { ...parent[key], ...parameter };
    return merged;
  },
  research_user: deepMapMerge,
  tags: mapMerge,
  // A template's sizes are one considered set: sizes a parent offers for its own workload would
  // be wrong for the child's, so a child that declares sizes replaces them.
  sizes: override,
  variables: mapMerge,
  ports: uniqueList,
  prerequisites: uniqueList,
  learning_resources: uniqueList,
};

function applyRule<K extends keyof Template>(
  key: K,
  parent: Template,
  child: Template,
  into: Template,
): void {
  // TypeScript widens a generic index into this mapped type to the union of all rules; the entry
  // for K is a MergeRule<K> by the type of `rules`.
  const rule = rules[key] as unknown as MergeRule<K>;
  const merged = rule(parent[key], child[key]);
  if (merged !== undefined) into[key] = merged;
}

/** The child template with everything it inherits from `parent` merged in (see the rules above). */
export function mergeTemplates(parent: Template, child: Template): Template {
  const merged: Template = { name: child.name };
  for (const key of Object.keys(rules) as (keyof Template)[]) applyRule(key, parent, child, merged);
  return merged;
}
