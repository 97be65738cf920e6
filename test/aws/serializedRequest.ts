/** The parts of a Smithy HttpRequest the comparison reads. */
export interface HttpRequest {
  /** S3 puts the bucket in the host name (virtual-hosted style). */
  hostname?: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

/** One field of a command's input: where it is, and what was given. */
interface InputLeaf {
  path: string[];
  value: unknown;
}

/** A request as the SDK put it on the wire, caught before it leaves. */
export interface CapturedRequest {
  protocol: 'json' | 'rest-json' | 'rest-xml' | 'ec2-query' | 'query';
  request: HttpRequest;
  /** EC2 query names a member has in one operation only (CreateSecurityGroup's Description is GroupDescription). */
  queryNames?: Record<string, string>;
}

class Captured extends Error {
  constructor(readonly request: HttpRequest) {
    super('captured');
  }
}

/** A request handler that keeps the serialized request and sends nothing. */
export const capturingHandler = {
  handle: async (request: HttpRequest): Promise<never> => {
    throw new Captured(request);
  },
};

/** A client's settings for sending to the capturing handler: us-east-1, test keys, one attempt. */
export const capturingClientConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
  maxAttempts: 1,
  requestHandler: capturingHandler,
};

interface Sendable {
  send(command: unknown): Promise<unknown>;
}

/** Runs a command through a real client's middleware stack (serializers included) and returns the request. */
export async function serialize(client: Sendable, command: unknown): Promise<HttpRequest> {
  try {
    await client.send(command);
  } catch (error) {
    if (error instanceof Captured) return error.request;
    throw error;
  }
  throw new Error('the request handler was not reached');
}

function leaves(value: unknown, path: string[] = []): InputLeaf[] {
  if (value === undefined) return [];
  // Blobs (an imported key's material) go on the wire base64-encoded: one field, not a list of bytes.
  if (value instanceof Date || value instanceof Uint8Array || value === null || typeof value !== 'object')
    return [{ path, value }];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  if (entries.length === 0) return path.length === 0 ? [] : [{ path, value }];
  return entries.flatMap(([key, item]) => leaves(item, [...path, key]));
}

/** DynamoDB's document client wraps nested maps and lists as { M: ... } and { L: [...] } on the wire. */
function unwrapAttribute(node: object, key: string): unknown {
  const record = node as Record<string, unknown>;
  if (key in record) return record[key];
  const wrapped = record.M ?? record.L;
  return wrapped !== null && typeof wrapped === 'object'
    ? (wrapped as Record<string, unknown>)[key]
    : undefined;
}

function at(body: unknown, path: readonly string[]): unknown {
  let node = body;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = unwrapAttribute(node, key);
  }
  return node;
}

function wireText(value: unknown): string | undefined {
  if (value instanceof Date) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Members whose EC2 query name is not their own name made singular (CreateTags' Resources is ResourceId.N). */
const EC2_QUERY_NAMES: Record<string, string> = {
  resources: 'resourceid',
  useridgrouppairs: 'group',
  ownerids: 'owner',
};

/** EC2's query names are singular where the SDK's members are plural (TagSpecifications -> TagSpecification.1). */
function querySegment(segment: string): string {
  const lower = segment.toLowerCase();
  return EC2_QUERY_NAMES[lower] ?? lower.replace(/s$/, '');
}

function bodyText(request: HttpRequest): string {
  const body: unknown = request.body;
  if (typeof body === 'string') return body;
  // Decoded as bytes: the SDK's JSON bodies are Uint8Arrays that warn when used as strings.
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return '';
}

interface XmlElement {
  /** Element names from the root down to this element, lower-cased. */
  path: string[];
  text: string;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The leaf elements of an XML body with their text: enough of XML for the SDK's own request bodies. */
function xmlElements(text: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: string[] = [];
  let content = '';
  for (const match of text.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, name, selfClosing, chars] = match;
    if (chars !== undefined) {
      content += chars;
    } else if (!name) {
      // Nothing named, nothing to record.
    } else if (closing) {
      elements.push({
        path: [...stack],
        text: content.replace(/&(\w+);/g, (all, entity: string) => XML_ENTITIES[entity] ?? all),
      });
      stack.pop();
      content = '';
    } else if (selfClosing) {
      elements.push({ path: [...stack, name.toLowerCase()], text: '' });
    } else {
      stack.push(name.toLowerCase());
      content = '';
    }
  }
  return elements;
}

/** Whether wanted appears in path in order (XML adds list-item and root names the input does not have). */
function inOrder(wanted: readonly string[], path: readonly string[]): boolean {
  let index = 0;
  for (const name of path) if (name === wanted[index]) index += 1;
  return index === wanted.length;
}

function sameBytes(left: Uint8Array, right: unknown): boolean {
  return (
    right instanceof Uint8Array && left.length === right.length && left.every((byte, i) => byte === right[i])
  );
}

/**
 * REST-XML (S3): a field is kept when its value is in the host, path, query or headers (top-level members only), when it is the
 * payload itself (PutObject's Body), or when an XML element named as the field, inside elements named
 * as its parents, holds its value.
 */
function missingXmlFields(input: unknown, request: HttpRequest, text: string, elsewhere: string[]): string[] {
  const elements = xmlElements(text);
  return leaves(input)
    .filter((leaf) => {
      if (leaf.value instanceof Uint8Array) return !sameBytes(leaf.value, request.body);
      const expected = wireText(leaf.value);
      if (expected === undefined) return true;
      const named = leaf.path.filter((segment) => !/^\d+$/.test(segment)).map((s) => s.toLowerCase());
      const inBody = elements.some(
        (element) =>
          element.path.at(-1) === named.at(-1) && inOrder(named, element.path) && element.text === expected,
      );
      // Only top-level members are bound to the host, path, query or headers; nested ones live in the body.
      return !inBody && (leaf.path.length > 1 || !elsewhere.some((part) => part.includes(expected)));
    })
    .map((leaf) => leaf.path.join('.'));
}

/**
 * The input's fields the serialized request lacks: a field the SDK does not know is dropped without
 * a word (SpaceIdleSettings has no LifecycleManagement, for one). JSON protocols are compared path by
 * path (REST fields may sit in the URI, query or headers instead); EC2's query protocol by the
 * flattened parameter names, lists' indexes aside.
 */
export function missingFields(input: unknown, captured: CapturedRequest): string[] {
  const { request, protocol } = captured;
  const text = bodyText(request);
  if (protocol === 'ec2-query') {
    const params = [...new URLSearchParams(text).entries()].map(([key, value]) => ({
      segments: key
        .split('.')
        .filter((segment) => !/^\d+$/.test(segment))
        .map(querySegment),
      value,
    }));
    return leaves(input)
      .filter((leaf) => {
        const named = leaf.path.filter((segment) => !/^\d+$/.test(segment)).map(querySegment);
        const wanted = (captured.queryNames?.[named.join('.')] ?? named.join('.')).split('.');
        const expected = wireText(leaf.value);
        return !params.some(
          (param) =>
            param.segments.join('.') === wanted.join('.') &&
            (expected === undefined || param.value === expected),
        );
      })
      .map((leaf) => leaf.path.join('.'));
  }
  if (protocol === 'query') {
    // The AWS query protocol (IAM, STS, CloudWatch) names list items Name.member.N, keeping the member's name.
    const params = [...new URLSearchParams(text).entries()].map(([key, value]) => ({
      name: key
        .split('.')
        .filter((segment) => !/^\d+$/.test(segment) && segment !== 'member')
        .join('.')
        .toLowerCase(),
      value,
    }));
    return leaves(input)
      .filter((leaf) => {
        const wanted = leaf.path
          .filter((segment) => !/^\d+$/.test(segment))
          .join('.')
          .toLowerCase();
        const expected = wireText(leaf.value);
        return !params.some(
          (param) => param.name === wanted && (expected === undefined || param.value === expected),
        );
      })
      .map((leaf) => leaf.path.join('.'));
  }
  const elsewhere = [
    request.hostname ?? '',
    decodeURIComponent(request.path),
    ...Object.values(request.query ?? {})
      .flat()
      .map((value) => String(value ?? '')),
    ...Object.values(request.headers),
  ];
  if (protocol === 'rest-xml') return missingXmlFields(input, request, text, elsewhere);
  const body: unknown = text ? JSON.parse(text) : {};
  return leaves(input)
    .filter((leaf) => {
      if (at(body, leaf.path) !== undefined) return false;
      const expected = wireText(leaf.value);
      return (
        protocol === 'json' || expected === undefined || !elsewhere.some((part) => part.includes(expected))
      );
    })
    .map((leaf) => leaf.path.join('.'));
}
