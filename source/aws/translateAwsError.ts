import { CloudError } from '../core/CloudError.js';
import type { AwsCallContext } from './AwsCallContext.js';
import {
  CAPACITY,
  CLOCK_SKEW,
  CONFLICT,
  EXPIRED,
  INVALID_CREDENTIALS,
  INVALID_PARAMETER,
  NETWORK_CODES,
  NETWORK_NAMES,
  QUOTA,
  THROTTLED,
  UNAUTHORIZED,
} from './awsErrorCodes.js';
import { cloudErrorOf as error } from './cloudErrorOf.js';
import { errorFactsOf } from './errorFactsOf.js';
import { loginHint } from './loginHint.js';
import { translateCredentialProviderError } from './translateCredentialProviderError.js';
import { translateQuotaError } from './translateQuotaError.js';
import { translateTransportError } from './translateTransportError.js';

export type { AwsCallContext } from './AwsCallContext.js';

/** EC2 names the denied action in the message ("is not authorized to perform: ec2:CreateTags"). */
function deniedAction(message: string, fallback: string): string {
  return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1] ?? fallback;
}

/** The message without EC2's encoded blob, which is long and unreadable. */
function withoutEncodedMessage(message: string): string {
  return message.replace(/\s*Encoded authorization failure message:.*$/s, '').trim();
}

/**
 * Turns anything an SDK call can throw into a CloudError that says what happened and what to do.
 * The SDK has already retried throttling and transient faults (adaptive retry mode) by the time an
 * error reaches this point.
 */
export function translateAwsError(thrown: unknown, context: AwsCallContext): CloudError {
  if (thrown instanceof CloudError) return thrown;
  const facts = errorFactsOf(thrown);
  const { name, code, message } = facts;
  const where = context.region ? ` in ${context.region}` : '';

  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    return translateCredentialProviderError(facts, context);
  }
  const transport = translateTransportError(thrown, facts, context);
  if (transport) return transport;
  if (UNAUTHORIZED.has(name)) {
    const action = deniedAction(message, context.action);
    return error(
      'unauthorized',
      name,
      `Not permitted: ${action}${where}.`,
      `Ask your AWS administrator to allow ${action} for your role` +
        (action === context.action ? '.' : ` (needed by ${context.action}).`) +
        (/Encoded authorization failure message/.test(message)
          ? ' `aws sts decode-authorization-message` on the message in the log shows the full reason.'
          : ''),
    );
  }
  if (EXPIRED.has(name)) {
    return error(
      'credentials-expired',
      name,
      'Your AWS credentials have expired.',
      loginHint(context.profile),
    );
  }
  if (INVALID_CREDENTIALS.has(name)) {
    return error(
      'no-credentials',
      name,
      `AWS did not accept your credentials${where}: ${withoutEncodedMessage(message)}`,
      `Check the access key or profile in use${context.region ? `, and that ${context.region} is enabled for the account` : ''}; ${loginHint(context.profile)}`,
    );
  }
  if (CLOCK_SKEW.has(name)) {
    return error(
      'unknown',
      name,
      `AWS rejected the request's timestamp: ${message}`,
      "This machine's clock is probably wrong: synchronise it (e.g. `timedatectl set-ntp true`) and retry.",
    );
  }
  // EC2 answers "Unsupported" when a type is not offered in the zone it picked: another zone may have it.
  if (CAPACITY.has(name) || (name === 'Unsupported' && /Availability Zone/.test(message))) {
    return error(
      'capacity',
      name,
      name === 'Unsupported'
        ? `Not offered in the chosen availability zone${where}: ${message}`
        : `AWS has no spare capacity for this request${where}: ${message}`,
      'Try another availability zone, another instance type or size, or try again later.',
      true,
    );
  }
  if (QUOTA.has(name)) {
    return translateQuotaError(name, message, where);
  }
  if (THROTTLED.has(name)) {
    return error(
      'throttled',
      name,
      `AWS is throttling requests${where} (still throttled after backing off).`,
      'Wait a minute and retry; if it keeps happening, refresh less often.',
      true,
    );
  }
  if (NETWORK_CODES.has(code) || NETWORK_NAMES.has(name) || NETWORK_CODES.has(name)) {
    return error(
      'network',
      code || name,
      `Cannot reach AWS${where} (${code || name}).`,
      'Check the network connection, proxy or AWS_ENDPOINT_URL; the last known view is kept meanwhile.',
      true,
    );
  }
  if (name === 'OptInRequired') {
    return error(
      'unauthorized',
      name,
      `The account is not subscribed to what ${context.action} needs${where}: ${message}`,
      "Accept the image's terms in AWS Marketplace, or enable the region for the account (Account settings > Regions).",
    );
  }
  if (name === 'PendingVerification') {
    return error(
      'unauthorized',
      name,
      `The AWS account is still being verified${where}.`,
      'New accounts can launch once AWS finishes verifying them (usually minutes, at most a few hours).',
      true,
    );
  }
  if (INVALID_PARAMETER.has(name) || name === 'Unsupported' || name.endsWith('.Malformed')) {
    return error(
      'invalid-parameter',
      name,
      `AWS rejected ${context.action}${where}: ${message}`,
      'Check the template and launch options (instance type, volume, subnet, image) named in the message.',
    );
  }
  if (CONFLICT.has(name)) {
    return error(
      'conflict',
      name,
      `${context.action}${where} conflicts with the current state: ${message}`,
      'Refresh and retry.',
      true,
    );
  }
  if (/NotFound$/.test(name) || name === 'ParameterNotFound') {
    return error(
      'not-found',
      name,
      `Not found${where}: ${message}`,
      'Refresh: it may have been deleted, or it lives in another region.',
    );
  }
  return error(
    'unknown',
    name,
    `${context.action}${where} failed: ${message || name}`,
    facts.serverFault
      ? 'AWS had an internal error: retry in a moment.'
      : 'The details are in the log (cws-tui.log in the state dir).',
    facts.retryable || facts.serverFault,
  );
}
