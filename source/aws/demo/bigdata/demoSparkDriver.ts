/** What the demo's Spark driver does with a script: how the run ends and what it prints. */
export interface DemoDriverResult {
  outcome: 'SUCCESS' | 'FAILED';
  stdout: string;
  stderr: string;
  nominal_seconds: number;
}

const SPARK_PREAMBLE = (name: string) =>
  [
    `INFO SparkContext: Running Spark version 3.5.2-amzn-1`,
    `INFO SparkContext: Submitted application: ${name}`,
    'INFO ResourceUtils: Resources for spark.driver: cores 4, memory 14g',
    'INFO ExecutorAllocationManager: Dynamic allocation is enabled',
  ].join('\n');

/**
 * Simulates the driver on a script: the strings its `print(...)` calls write go to stdout, and a
 * top-level `raise` (or a missing script) fails the run with a Python traceback on stderr, as
 * EMR would show it. The run takes a minute plus a second per script line at realistic pace.
 */
export function demoSparkDriver(
  script: string | undefined,
  entryPoint: string,
  args: readonly string[],
): DemoDriverResult {
  const name = entryPoint.split('/').at(-1) ?? entryPoint;
  if (script === undefined) {
    return {
      outcome: 'FAILED',
      stdout: '',
      stderr: `${SPARK_PREAMBLE(name)}\nERROR SparkSubmit: java.io.FileNotFoundException: No such file or directory: ${entryPoint}\n`,
      nominal_seconds: 45,
    };
  }
  const lines = script.split('\n');
  // Top-level prints only: one inside a branch (a usage message) is not what a normal run writes.
  const printed = [...script.matchAll(/^print\(\s*f?(["'])(.*?)\1/gm)].map((match) =>
    (match[2] ?? '').replace(/\{[^}]*\}/g, (field) =>
      /input|src/.test(field) ? (args[0] ?? '') : /output|dest/.test(field) ? (args[1] ?? '') : '42',
    ),
  );
  const raiseAt = lines.findIndex((line) => /^raise\s/.test(line));
  const nominal = 60 + lines.length;
  if (raiseAt >= 0) {
    const raised = lines[raiseAt]!.replace(/^raise\s+/, '');
    const exception = /^(\w+)\((.*)\)$/.exec(raised);
    return {
      outcome: 'FAILED',
      stdout: printed.slice(0, 1).join('\n'),
      stderr: [
        SPARK_PREAMBLE(name),
        'Traceback (most recent call last):',
        `  File "/tmp/spark-demo/${name}", line ${raiseAt + 1}, in <module>`,
        `    ${lines[raiseAt]!.trim()}`,
        `${exception?.[1] ?? 'Exception'}: ${(exception?.[2] ?? raised).replace(/^["']|["']$/g, '')}`,
        'INFO ShutdownHookManager: Shutdown hook called',
        '',
      ].join('\n'),
      nominal_seconds: nominal,
    };
  }
  return {
    outcome: 'SUCCESS',
    stdout: printed.length > 0 ? `${printed.join('\n')}\n` : '',
    stderr: `${SPARK_PREAMBLE(name)}\nINFO SparkContext: Successfully stopped SparkContext\nINFO ShutdownHookManager: Shutdown hook called\n`,
    nominal_seconds: nominal,
  };
}
