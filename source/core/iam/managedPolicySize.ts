import type { PolicyDocument } from './PolicyDocument.js';

/** IAM's limit for a customer managed policy, counted without whitespace. */
export const MANAGED_POLICY_MAX_CHARS = 6144;

/** A policy's size as IAM counts it against `MANAGED_POLICY_MAX_CHARS`. */
export const managedPolicySize = (document: PolicyDocument): number =>
  JSON.stringify(document).replace(/\s/g, '').length;
