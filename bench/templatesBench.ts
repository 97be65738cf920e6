import { performance } from 'node:perf_hooks';
import type { LoadedTemplate } from '../source/core/templates/LoadedTemplate.js';
import { parseTemplate } from '../source/core/templates/parseTemplate.js';
import { resolveAll } from '../source/core/templates/resolveTemplate.js';
import { buildTemplateRegistry } from '../source/core/templates/TemplateRegistry.js';
import type { BenchFigure } from './BenchFigure.js';

const TEMPLATE_COUNT = 500;
const RUNS = 15;
const BASES = ['ubuntu-24.04', 'ubuntu-22.04', 'rocky-9', 'al2023'];

/**
 * 500 templates shaped like real ones: 20 roots on the four bases, and children that inherit one
 * or two templates generated before them, so chains run up to a dozen deep and share ancestors.
 */
function generateTemplates(): string[] {
  const texts: string[] = [];
  for (let index = 0; index < TEMPLATE_COUNT; index++) {
    const lines = [`name: Template ${index}`, `slug: t${index}`, `description: Generated template ${index}`];
    if (index < 20) {
      const base = BASES[index % BASES.length]!;
      lines.push(`base: ${base}`, `package_manager: ${base.startsWith('ubuntu') ? 'apt' : 'dnf'}`);
    } else {
      const parent = index - 1 - (index % 13);
      const second = index % 5 === 0 ? [index - 7 - (index % 11)] : [];
      lines.push(`inherits: [${[parent, ...second].map((p) => `t${p}`).join(', ')}]`);
    }
    lines.push(
      'packages:',
      `  system: [git, tool-${index % 40}, lib-${index % 17}]`,
      `  pip: [pkg-${index % 23}]`,
      'users:',
      `  - name: user${index % 9}`,
      `    groups: [group${index % 4}]`,
      'services:',
      `  - name: svc${index % 6}`,
      `    port: ${8000 + (index % 50)}`,
      `ports: [22, ${9000 + (index % 30)}]`,
      `post_install: echo step ${index}`,
      'idle_detection:',
      `  idle_threshold_minutes: ${20 + (index % 10)}`,
      `  hibernate_threshold_minutes: ${60 + (index % 10)}`,
      'instance_defaults:',
      `  type: m7i.${index % 2 === 0 ? 'large' : 'xlarge'}`,
      `  root_volume_gb: ${30 + (index % 20)}`,
      `tags: { team: team${index % 8}, index: "${index}" }`,
      'sizes: { S: t3.medium, M: m7i.xlarge, L: m7i.2xlarge }',
    );
    texts.push(`${lines.join('\n')}\n`);
  }
  return texts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (milliseconds: number): number => Math.round(milliseconds * 100) / 100;

/** Times parsing 500 templates, then resolving all of them. */
export async function runTemplatesBench(): Promise<BenchFigure[]> {
  const texts = generateTemplates();
  const parseTimes: number[] = [];
  let loaded: LoadedTemplate[] = [];
  for (let run = 0; run < RUNS; run++) {
    const parseStart = performance.now();
    const parsed = texts.map((text, index) => parseTemplate(text, { file: `bench/t${index}.yml` }));
    parseTimes.push(performance.now() - parseStart);
    loaded = parsed.flatMap((result) => (result.loaded ? [result.loaded] : []));
  }
  if (loaded.length !== TEMPLATE_COUNT) throw new Error(`bench templates failed to parse: ${loaded.length}`);

  // Resolution is timed on its own, from templates parsed once: a fresh registry each run, so the
  // per-registry memo never carries over.
  const resolveTimes: number[] = [];
  // CPU time too: on a machine shared with other work, wall time also counts the waiting.
  const resolveCpuTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const resolveStart = performance.now();
    const cpuStart = process.cpuUsage();
    const { templates } = resolveAll(buildTemplateRegistry(loaded));
    const cpu = process.cpuUsage(cpuStart);
    resolveTimes.push(performance.now() - resolveStart);
    resolveCpuTimes.push((cpu.user + cpu.system) / 1000);
    if (templates.length !== TEMPLATE_COUNT)
      throw new Error(`bench templates failed to resolve: ${templates.length}`);
  }
  return [
    {
      name: `resolve ${TEMPLATE_COUNT} templates (inheritance, median of ${RUNS})`,
      value: round(median(resolveTimes)),
      unit: 'ms',
      goal: '< 50 ms',
    },
    {
      name: `resolve ${TEMPLATE_COUNT} templates, CPU time (median of ${RUNS})`,
      value: round(median(resolveCpuTimes)),
      unit: 'ms',
    },
    {
      name: `parse and validate ${TEMPLATE_COUNT} template files (median of ${RUNS})`,
      value: round(median(parseTimes)),
      unit: 'ms',
    },
  ];
}
