/**
 * The EMR releases the app knows, from the EMR release guide (snapshot 2026-11). EMR Serverless has
 * no API to list its releases, so a label is checked here before any call: a typo is refused with
 * the nearest known labels rather than sent to AWS.
 */
const SERVERLESS_RELEASES = [
  ...[
    '6.6.0',
    '6.7.0',
    '6.8.0',
    '6.9.0',
    '6.10.0',
    '6.10.1',
    '6.11.0',
    '6.12.0',
    '6.13.0',
    '6.14.0',
    '6.15.0',
  ],
  ...['7.0.0', '7.1.0', '7.2.0', '7.3.0', '7.4.0', '7.5.0', '7.6.0', '7.7.0', '7.8.0', '7.9.0', '7.10.0'],
  ...['7.11.0', '7.12.0'],
].map((version) => `emr-${version}`);

/** EMR on EC2 has every Serverless release plus the older 5.x and 6.x lines still offered. */
const CLUSTER_RELEASES = [
  ...['5.34.0', '5.35.0', '5.36.0', '5.36.1', '5.36.2', '6.1.1', '6.2.1', '6.3.1', '6.4.0', '6.5.0'],
].map((version) => `emr-${version}`);

export type ReleaseTarget = 'emr-serverless' | 'emr-cluster';

export function knownReleaseLabels(target: ReleaseTarget): readonly string[] {
  return target === 'emr-serverless' ? SERVERLESS_RELEASES : [...CLUSTER_RELEASES, ...SERVERLESS_RELEASES];
}

function versionOf(label: string): number[] {
  return label
    .replace(/^emr-/, '')
    .split('.')
    .map((part) => Number(part));
}

/** The problem with a release label for the target, or undefined when EMR knows it. */
export function releaseLabelProblem(label: string, target: ReleaseTarget): string | undefined {
  const known = knownReleaseLabels(target);
  if (known.includes(label)) return undefined;
  const where = target === 'emr-serverless' ? 'EMR Serverless' : 'EMR on EC2';
  if (!/^emr-\d+\.\d+\.\d+$/.test(label))
    return `'${label}' is not a release label: they look like emr-7.5.0`;
  const [major, minor] = versionOf(label);
  const sameLine = known.filter((candidate) => versionOf(candidate)[0] === major);
  const nearest = [...sameLine]
    .sort(
      (a, b) =>
        Math.abs((versionOf(a)[1] ?? 0) - (minor ?? 0)) - Math.abs((versionOf(b)[1] ?? 0) - (minor ?? 0)),
    )
    .slice(0, 3);
  const hint = nearest.length > 0 ? `; nearest: ${nearest.join(', ')}` : `; the newest is ${known.at(-1)}`;
  return `${where} has no release ${label}${hint}`;
}
