/** What went wrong in a cloud call, in terms the user can act on. */
export type CloudErrorKind =
  | 'unauthorized'
  | 'capacity'
  | 'quota'
  | 'throttled'
  | 'invalid-parameter'
  | 'credentials-expired'
  | 'no-credentials'
  | 'network'
  | 'not-found'
  | 'conflict'
  | 'unknown';

/**
 * An error from AWS (or the demo account) turned into a clear message plus what to do about it.
 * Adapters throw only this, so screens and commands never show raw SDK errors or stacks.
 */
export class CloudError extends Error {
  readonly kind: CloudErrorKind;
  /** The AWS error code, e.g. `UnauthorizedOperation`. */
  readonly code: string;
  /** What the user can do, e.g. "Ask your admin for ec2:RunInstances". */
  readonly hint: string;
  readonly retryable: boolean;

  constructor(options: {
    kind: CloudErrorKind;
    code: string;
    message: string;
    hint: string;
    retryable?: boolean;
  }) {
    super(options.message);
    this.name = 'CloudError';
    this.kind = options.kind;
    this.code = options.code;
    this.hint = options.hint;
    this.retryable = options.retryable ?? false;
  }
}
