import { CloudError } from '../core/CloudError.js';

/** What an SDK error says, read once (name, code, message, retryability, HTTP status). */
export interface ErrorFacts {
  name: string;
  code: string;
  message: string;
  retryable: boolean;
  serverFault: boolean;
  /** The HTTP status the SDK saw, when it got a reply at all. */
  status?: number;
}

/** The call that failed, as `translateAwsError` gets it. */
interface CallContext {
  action: string;
  region?: string;
}

/** The service's name for people, from the IAM action: `ec2:RunInstances` -> `EC2`. */
const SERVICE_NAMES: Record<string, string> = {
  ec2: 'EC2',
  ssm: 'Systems Manager',
  sts: 'STS',
  iam: 'IAM',
  elasticfilesystem: 'EFS',
  sagemaker: 'SageMaker',
  pricing: 'Price List',
  ce: 'Cost Explorer',
};

function serviceOf(action: string): string {
  const prefix = action.split(':')[0] ?? action;
  return SERVICE_NAMES[prefix] ?? prefix;
}

const ENDPOINT_HINT =
  'A proxy, a captive portal (hotel or campus Wi-Fi sign-in) or a wrong AWS_ENDPOINT_URL answered instead of AWS: sign in to the network, check HTTPS_PROXY and AWS_ENDPOINT_URL, then retry.';

/** The request timed out (Node HTTP handler) or the connection could not be made in time. */
function isTimeout(facts: ErrorFacts): boolean {
  return (
    facts.name === 'TimeoutError' ||
    /exceeded the configured \d+ ms requestTimeout|timed out/i.test(facts.message)
  );
}

/**
 * What went wrong on the way rather than at AWS: a reply that is not AWS's (HTML from a proxy or
 * captive portal, a body the SDK cannot parse) or no reply in time. Undefined for anything else.
 */
export function translateTransportError(
  thrown: unknown,
  facts: ErrorFacts,
  context: CallContext,
): CloudError | undefined {
  const { name, code, message } = facts;
  const where = context.region ? ` in ${context.region}` : '';
  const service = serviceOf(context.action);
  const error = (code: string, text: string, hint: string) =>
    new CloudError({ kind: 'network', code, message: text, hint, retryable: true });
  if (name === 'NonAwsReplyError') {
    const { status, firstLine } = thrown as { status: number; firstLine: string };
    return error(
      'NonAwsReply',
      `The reply to ${context.action}${where} did not come from AWS: HTTP ${status}, "${firstLine}".`,
      ENDPOINT_HINT,
    );
  }
  // The SDK could not parse the body: a page that is not AWS's XML or JSON (no HTML content type).
  if (
    /Deserialization error|is not valid JSON|Unexpected token|non-whitespace before first tag|Invalid character/i.test(
      message,
    ) ||
    (message === 'Unknown' && facts.status !== undefined && !/^[A-Z][A-Za-z.]+$/.test(code))
  ) {
    const status = facts.status !== undefined ? `HTTP ${facts.status}` : 'a reply';
    return error(
      'NonAwsReply',
      `${service}${where} answered ${context.action} with ${status} that is not an AWS reply.`,
      ENDPOINT_HINT,
    );
  }
  if (isTimeout(facts)) {
    const ms = Number(/(\d+) ?ms/.exec(message)?.[1]);
    const after = Number.isFinite(ms) && ms > 0 ? ` in ${Math.round(ms / 100) / 10} s` : ' in time';
    return error(
      'Timeout',
      `AWS did not answer${after} (${context.region ?? 'global'}, ${service}: ${context.action}).`,
      'Check the network connection, proxy or AWS_ENDPOINT_URL; for a slow link raise CWS_AWS_REQUEST_TIMEOUT_MS (and CWS_AWS_CONNECT_TIMEOUT_MS). The last known view is kept meanwhile.',
    );
  }
  return undefined;
}
