// What botocore makes of a successful STS answer (AssumeRole, AssumeRoleWithWebIdentity),
// whatever its shape: the Query parser's structures (the <Action>Result child of the root,
// members looked up by name, repeated elements as lists, text as it is, Expiration through
// parse_timestamp), the account taken from the role ARN, and the fetcher's subscripts.
import { dateutilParse, type PyDateTime } from '../../util/dateutil';
import { PyError } from '../../util/pyerror';
import { PyDict } from '../../util/pyjson';
import { pyItem } from '../../util/pyops';
import { pyReprString } from '../../util/python';
import { nameToNodes } from '../response';
import type { XmlElement } from '../xml';
import type { CredentialMetadata } from './shape';
import { credentialsOf } from './cached-fetcher';

type Node = XmlElement | XmlElement[];

/** _build_name_to_xml_node: children by local name, repeated names as lists (a list reads its first item). */
function childrenByName(node: Node): Map<string, Node> {
  return nameToNodes(Array.isArray(node) ? node[0]! : node);
}

/** _text_content: an element's text ('' when it has none); repeated elements stay a list. */
function text(node: Node): unknown {
  return Array.isArray(node) ? node : (node.text ?? '');
}

type Member = (node: Node) => unknown;

function structure(node: Node, members: Readonly<Record<string, Member>>): PyDict {
  const children = childrenByName(node);
  const parsed = new PyDict();
  for (const [name, parse] of Object.entries(members)) {
    const child = children.get(name);
    if (child !== undefined) parsed.entries.set(name, parse(child));
  }
  return parsed;
}

/** botocore.utils.parse_timestamp: an epoch number, else dateutil with GMT as UTC. */
export function parseStsTimestamp(value: unknown): PyDateTime | unknown {
  if (typeof value !== 'string') {
    // a list of nodes: float() and dateutil both refuse it
    throw new PyError('ValueError', `Invalid timestamp "${pyReprList(value)}": Parser must be a string or character stream, not list`);
  }
  // float(value) first: an epoch in seconds; one datetime cannot hold is given up on
  const number = /^\s*[+-]?(\d+\.?\d*(e[+-]?\d+)?|\.\d+(e[+-]?\d+)?|inf(inity)?)\s*$/i.test(value) ? Number(value.trim().replace(/^\+/, '').replace(/inf(inity)?$/i, 'Infinity')) : undefined;
  if (number !== undefined) {
    if (Number.isFinite(number) && Math.abs(number) < 253402300800) return epochToUtc(number);
    throw new PyError('RuntimeError', `Unable to calculate correct timezone offset for "${value}"`);
  }
  try {
    return dateutilParse(value, { gmtIsUtc: true });
  } catch (error) {
    if (error instanceof PyError && (error.pyType === 'ParserError' || error.pyType === 'ValueError' || error.pyType === 'TypeError')) {
      throw new PyError('ValueError', `Invalid timestamp "${value}": ${error.message}`);
    }
    throw error;
  }
}

function pyReprList(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((e: XmlElement) => `<Element '${e.tag}'>`).join(', ')}]` : String(value);
}

/** datetime.fromtimestamp(seconds, tzlocal()) on a UTC machine. */
function epochToUtc(seconds: number): PyDateTime {
  const date = new Date(Math.round(seconds * 1000));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    microsecond: Math.round((seconds - Math.floor(seconds)) * 1e6) % 1e6,
    offset: 0,
  };
}

const CREDENTIALS: Record<string, Member> = {
  AccessKeyId: text,
  SecretAccessKey: text,
  SessionToken: text,
  Expiration: (node) => parseStsTimestamp(text(node)),
};
const ASSUMED_ROLE_USER: Record<string, Member> = { AssumedRoleId: text, Arn: text };

/** The parsed answer as botocore's fetcher sees it (a dict of dicts), for the cache too. */
export interface StsAnswer {
  readonly response: PyDict;
  readonly metadata: CredentialMetadata;
}

/** The <Action>Result element of the root, then the fetcher's reading of it. */
export function stsAnswer(root: XmlElement, action: string): StsAnswer {
  const wrapper = `${action}Result`;
  const result = childrenByName(root).get(wrapper);
  if (result === undefined) throw new PyError('KeyError', pyReprString(wrapper));
  const response = structure(result, {
    Credentials: (node) => structure(node, CREDENTIALS),
    AssumedRoleUser: (node) => structure(node, ASSUMED_ROLE_USER),
  });
  addAccountId(response);
  return { response, metadata: credentialsOf(response) };
}

/** _add_account_id_to_response: the account of an ARN-looking AssumedRoleUser.Arn goes into Credentials. */
function addAccountId(response: PyDict): void {
  const user = response.entries.get('AssumedRoleUser');
  const arn = user instanceof PyDict ? user.entries.get('Arn') : undefined;
  if (typeof arn !== 'string' || !arn.startsWith('arn:')) return;
  const parts = arn.split(':');
  if (parts.length < 6) throw new PyError('InvalidArnException', `Provided ARN: ${arn} must be of the format: arn:partition:service:region:account:resource`);
  const credentials = pyItem(response, 'Credentials');
  if (credentials instanceof PyDict) credentials.entries.set('AccountId', parts[4]);
}
