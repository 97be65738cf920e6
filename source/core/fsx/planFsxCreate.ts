import type { ResearchUser } from '../identity/ResearchUser.js';
import { OperationError } from '../operations/OperationError.js';
import {
  FSX_TYPES,
  type FsxCreateRequest,
  type FsxDataRepositoryRequest,
  type FsxDeployment,
  type FsxType,
  type FsxUserQuota,
  LUSTRE_DEPLOYMENTS,
  OPENZFS_COMPRESSIONS,
  type OpenZfsCompression,
} from './FsxFileSystem.js';
import { type FsxMonthlyCost, fsxMonthlyCost } from './fsxMonthlyCost.js';
import { FSX_SHAPE_RULES, fsxShapeProblems } from './fsxShapeRules.js';
import { parseCapacityGib } from './parseStorageAmounts.js';
import { STORAGE_PRICES, type StoragePrices } from './storagePrices.js';

/** What `storage create --type lustre|openzfs` was given, as typed. */
export interface FsxCreateOptions {
  name: string;
  type: string;
  deployment?: string;
  capacity?: string;
  throughput?: string;
  s3?: string;
  import: boolean;
  export: boolean;
  compression?: string;
  quotas: readonly string[];
}

export interface FsxCreatePlan {
  request: Omit<FsxCreateRequest, 'tags' | 'subnet_id' | 'security_group_id'>;
  data_repository?: FsxDataRepositoryRequest;
  monthly: FsxMonthlyCost;
}

const FSX_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** S3 bucket names: 3-63 lower-case letters, digits, dots and hyphens. */
const S3_PATH = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/[^\s]*)?$/;

function invalid(message: string, hint = ''): OperationError {
  return new OperationError('invalid', message, hint);
}

/**
 * Checks everything FSx would refuse before any call (capacity steps, throughput levels, the S3
 * path, quota users) and prices the result, so a bad value costs nothing and says what would work.
 */
export async function planFsxCreate(
  options: FsxCreateOptions,
  findUser: (name: string) => Promise<ResearchUser | undefined>,
  /** The region's prices, which the plan's monthly figure and the spend policy use. */
  prices: StoragePrices = STORAGE_PRICES,
): Promise<FsxCreatePlan> {
  if (!FSX_NAME.test(options.name)) {
    throw invalid(`the name '${options.name}' is not valid: 1-63 letters, digits, '.', '_' or '-'`);
  }
  if (!(FSX_TYPES as readonly string[]).includes(options.type)) {
    throw invalid(`--type ${options.type} is not a file system type: lustre or openzfs (EFS has no --type)`);
  }
  const type = options.type as FsxType;
  const deployment = chooseDeployment(type, options.deployment);
  const rule = FSX_SHAPE_RULES[deployment];
  const capacity =
    options.capacity === undefined ? rule.default_capacity_gib : parseCapacityGib(options.capacity);
  if (capacity === undefined)
    throw invalid(`--capacity ${options.capacity} is not a size: GiB, or with a unit (2400, 4.8TiB)`);
  const throughput = options.throughput === undefined ? undefined : Number(options.throughput);
  if (throughput !== undefined && !Number.isFinite(throughput)) {
    throw invalid(`--throughput ${options.throughput} is not a number of ${rule.throughput_unit}`);
  }
  const problems = fsxShapeProblems(deployment, capacity, throughput);
  if (problems.length > 0) throw invalid(problems.join('; '), 'Nothing was created.');
  const shape = {
    type,
    deployment,
    capacity_gib: capacity,
    throughput: throughput ?? rule.default_throughput,
  };
  const request: FsxCreatePlan['request'] = { name: options.name, ...shape };
  let dataRepository: FsxDataRepositoryRequest | undefined;
  if (type === 'lustre') {
    if (options.compression || options.quotas.length > 0) {
      throw invalid('--compression and --quota are OpenZFS settings: use --type openzfs');
    }
    dataRepository = planDataRepository(options);
  } else {
    if (options.s3 || options.import || options.export) {
      throw invalid('--s3, --import and --export link Lustre to S3: use --type lustre');
    }
    request.compression = chooseCompression(options.compression);
    request.quotas = await planQuotas(options.quotas, capacity, findUser);
  }
  return {
    request,
    ...(dataRepository ? { data_repository: dataRepository } : {}),
    monthly: fsxMonthlyCost({ ...shape, backup_retention_days: type === 'openzfs' ? 7 : 0 }, prices),
  };
}

function chooseDeployment(type: FsxType, asked: string | undefined): FsxDeployment {
  if (type === 'openzfs') {
    if (asked && asked !== 'single-az-1') throw invalid(`OpenZFS is created as single-az-1, not ${asked}`);
    return 'single-az-1';
  }
  if (asked === undefined) return 'scratch2';
  if (!(LUSTRE_DEPLOYMENTS as readonly string[]).includes(asked)) {
    throw invalid(`--deployment ${asked} is not a Lustre deployment: scratch2 or persistent2`);
  }
  return asked as FsxDeployment;
}

function planDataRepository(options: FsxCreateOptions): FsxDataRepositoryRequest | undefined {
  if (!options.s3) {
    if (options.import || options.export) throw invalid('--import and --export need --s3 s3://bucket/prefix');
    return undefined;
  }
  const match = S3_PATH.exec(options.s3);
  if (!match) throw invalid(`--s3 ${options.s3} is not an S3 path: s3://bucket/prefix`);
  const path = options.s3.endsWith('/') ? options.s3 : `${options.s3}/`;
  // Linked without either policy, files are only moved by `storage task`.
  return { s3_path: path, auto_import: options.import, auto_export: options.export };
}

function chooseCompression(asked: string | undefined): OpenZfsCompression {
  if (asked === undefined) return 'zstd';
  if (!(OPENZFS_COMPRESSIONS as readonly string[]).includes(asked)) {
    throw invalid(`--compression ${asked} is not one OpenZFS offers: zstd, lz4 or none`);
  }
  return asked as OpenZfsCompression;
}

/** `--quota alice=100`: the research user's UID (the one their workstations use) and a limit in GiB. */
async function planQuotas(
  quotas: readonly string[],
  capacity: number,
  findUser: (name: string) => Promise<ResearchUser | undefined>,
): Promise<FsxUserQuota[]> {
  const planned: FsxUserQuota[] = [];
  for (const quota of quotas) {
    const match = /^([a-z_][a-z0-9_-]{0,31})=(\d+)$/.exec(quota);
    if (!match) throw invalid(`--quota ${quota} is not user=GiB (e.g. --quota alice=100)`);
    const [, username = '', gibText = ''] = match;
    const gib = Number(gibText);
    if (gib < 1 || gib > capacity)
      throw invalid(`--quota ${quota}: a quota is 1 to ${capacity} GiB (the file system's size)`);
    const user = await findUser(username);
    if (!user)
      throw invalid(
        `--quota ${quota}: no research user named ${username}`,
        'See them with: cws-tui users list',
      );
    if (planned.some((found) => found.uid === user.uid)) throw invalid(`--quota gives ${username} twice`);
    planned.push({ uid: user.uid, gib, user: username });
  }
  return planned;
}
