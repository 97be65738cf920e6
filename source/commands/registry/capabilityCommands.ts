import type { Command } from '../Command.js';

/** Commands of the research services beyond workstations: storage, HPC, big data and analytics. */
export const capabilityCommands: Command[] = [
  {
    name: 'storage',
    summary: 'EFS file systems with their access points, and root volumes; create a file system',
    usage: [
      'storage list [--json]',
      'storage create <name> [--region R] [--json]',
      'storage unmount <fs-id> <workstation> [--force] [--yes]',
      'storage delete <fs-id> [--region R] [--force [--confirm NAME]] --yes',
      'storage create <name> --type lustre [--deployment scratch2|persistent2] [--capacity GiB] [--throughput MB/s/TiB]',
      '       [--s3 s3://bucket/prefix [--import] [--export]]',
      'storage create <name> --type openzfs [--capacity GiB] [--throughput MB/s] [--compression zstd|lz4|none] [--quota user=GiB]...',
      'storage task <fs-id> import|export|release | storage tasks <fs-id>',
      'storage snapshot create <fs-id> <name> | list <fs-id> | restore <fs-id> <snapshot-id> | clone <fs-id> <snapshot-id> <name>',
      'storage recommend --capacity 20TiB --throughput 2GB/s --access shared|single --pattern hpc-scratch|ml-training|home|archive [--months N]',
      'storage findings [--json]',
      'storage bench <workstation> <fs-id|vol-id> [--pattern seq|random|metadata] [--size 1G] [--mount DIR] [--json]   (--pattern, as --profile is the launch profile)',
    ],
    load: async () => (await import('../storageCommand.js')).runStorageCommand,
  },
  {
    name: 'hpc',
    summary: 'Slurm clusters on AWS ParallelCluster: create, scale, submit and watch jobs, job cost',
    usage: [
      'hpc list|templates [--json] | hpc config <template> [--efs fs-..] [--fsx fs-..]',
      'hpc create <name> --template T [--efs fs-..] [--fsx fs-..] [--engine cloudformation|pcluster] [--yes]',
      'hpc show|stop|start|connect|delete <name> | hpc update <name> --queue Q --max N [--min N] [--idle-minutes M] [--stop-first]',
      'hpc jobs <name> [--user U] [--state S] | hpc submit <name> <script> [--partition P] [--nodes N] [--time T] [-- sbatch args]',
      'hpc cancel <name> <jobid> | hpc history <name> [--since 2d] [--json]',
    ],
    load: async () => (await import('../hpcCommand.js')).runHpcCommand,
  },
  {
    name: 'bigdata',
    summary: 'Spark on EMR Serverless: applications from templates, job runs, logs, Spark UI and cost',
    usage: [
      'bigdata create <template> <name> [--region R] [--release emr-7.5.0] [--max-vcpu N] [--max-memory GB] [--bucket B]...',
      'bigdata list|show <app>|start <app>|stop <app>|delete <app> --yes [--json]',
      'bigdata submit <app> <entry.py|entry.jar|s3://...> [--args A]... [--conf k=v]... [--bucket B]... [--attempts N] [--follow]',
      'bigdata runs <app> | logs <app> <run> [--all] | cancel <app> <run> | ui <app> <run> [--json]',
      'bigdata cluster create <template> <name> [--nodes N] | list | show | resize <c> --nodes N | step <c> <script.py> | steps <c> | terminate <c> --yes',
    ],
    load: async () => (await import('../bigdataCommand.js')).runBigdataCommand,
  },
  {
    name: 'athena',
    summary:
      "SQL over the lab's data in a workgroup that enforces the policy's scan limit; each query's bytes and cost",
    usage: [
      'athena query "<sql>" [--workgroup W] [--database D] [--output table|csv|json] [--project P]',
      'athena workgroup [--project P] [--json] | athena history [--workgroup W] [--json] | athena cancel <query-id>',
    ],
    load: async () => (await import('../athenaCommand.js')).runAthenaCommand,
  },
  {
    name: 'databrew',
    summary:
      'prepare data from S3 with Glue DataBrew: datasets, the shipped recipes, jobs with node-hours and cost',
    usage: [
      'databrew dataset create <name> s3://bucket/file.csv | databrew dataset list | databrew recipes',
      'databrew job run <dataset> <clean|dedupe|cast|profile> | databrew job list | databrew job show|logs <job> [run-id]',
      'databrew project create <name> <dataset> [recipe] | databrew project list | databrew project open <name>',
    ],
    load: async () => (await import('../databrewCommand.js')).runDatabrewCommand,
  },
  {
    name: 'quicksight',
    summary:
      "whether the account has QuickSight (edition, users, monthly cost), and a dashboard's embed or console link",
    usage: [
      'quicksight status [--json] | quicksight connect <dashboard-id> [--json]',
      'quicksight register <user-name|iam-arn> reader|author --email ADDRESS [--user SESSION] [--yes]',
      'quicksight create <template> [--yes]',
    ],
    load: async () => (await import('../quicksightCommand.js')).runQuicksightCommand,
  },
  {
    name: 'codecatalyst',
    summary:
      'existing CodeCatalyst spaces (closed to new customers since November 2025): dev environments, start/stop',
    usage: [
      'codecatalyst spaces | codecatalyst devenvs <space> <project> | codecatalyst start|stop <space> <project> <id>',
    ],
    load: async () => (await import('../codecatalystCommand.js')).runCodecatalystCommand,
  },
  {
    name: 'data',
    summary:
      'what the profile may read: the S3 buckets its policy names, Data Catalog tables with size and update',
    usage: [
      'data sources [--region R] [--json]',
      'data crawl s3://bucket/prefix/ [--database D] [--yes] [--json]',
    ],
    load: async () => (await import('../dataCommand.js')).runDataCommand,
  },
];
