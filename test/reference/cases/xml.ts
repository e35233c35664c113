// Answers whose XML does not parse, one or more per kind of expat error, on the success path
// (200: "Unable to parse response (…)", never retried) and the error path (4xx/5xx: the same
// failure, also not retried, unless a 5xx body is empty or an <html> page, which is retried as a
// generic error); plus answers only expat's rules make well-formed (UTF-16, entities). The
// fixtures also pin how many requests 2.33.31 made.
import type { Reply } from '../../helpers/fake-ec2';
import type { Scenario } from '../../helpers/scenario';
import { testKeys } from '../../helpers/scenario';

const op = ['ec2', 'release-ipam-pool-allocation'];
const all = ['--ipam-pool-id', 'ipam-pool-1', '--cidr', '10.0.0.0/24', '--ipam-pool-allocation-id', 'ipam-pool-alloc-1'];
const call = [...op, ...all, '--endpoint-url', '{{ENDPOINT}}'];
const env = { ...testKeys, AWS_REGION: 'us-east-1' };
const twoAttempts = { ...env, AWS_MAX_ATTEMPTS: '2' };

const reply = (status: number, body: string | Uint8Array): Reply => ({ status, body });
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const EC2 = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const success = (inner = '<success>true</success>') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="${EC2}">\n    <requestId>1a2b3c4d</requestId>\n    ${inner}\n</ReleaseIpamPoolAllocationResponse>`;
const errors = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>${inner}</Error></Errors><RequestID>r-1</RequestID></Response>`;

/** An error document whose Errors element holds a chain of `depth` elements, then `bottom`. */
/** 2.9.19 parses with fewer frames below (its threshold is a few levels deeper). */
const otherStackDepth = "Python's recursion limit is met at the depth of the CLI's call stack, which differs in 2.9.19";
const nested = (depth: number, bottom = '') => `<Response><Errors>${'<a>'.repeat(depth - 1)}${bottom}${'</a>'.repeat(depth - 1)}</Errors></Response>`;

/** A body that expands entities past expat's limit (100 times the input, past 8 MiB). */
const billionLaughs =
  '<!DOCTYPE R [<!ENTITY a "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY b "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">' +
  '<!ENTITY c "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY d "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY e "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">' +
  '<!ENTITY f "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;"><!ENTITY g "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx">]><R>&a;</R>';

export const scenarios: Scenario[] = [
  // ---- 200 answers, one per kind of expat error ----
  { name: 'xml 200: a JSON body', args: call, env, replies: [reply(200, '{"ReleaseIpamPoolAllocationResponse": {"success": true}}')] },
  { name: 'xml 200: plain text on the third line', args: call, env, replies: [reply(200, '\r\n\nService Unavailable')] },
  { name: 'xml 200: cut short inside a start tag', args: call, env, replies: [reply(200, success().slice(0, 80))] },
  { name: 'xml 200: cut short inside the text', args: call, env, replies: [reply(200, success().slice(0, 150))] },
  { name: 'xml 200: white space only', args: call, env, replies: [reply(200, '\n\n   \n')] },
  { name: 'xml 200: mismatched tag on line 4', args: call, env, replies: [reply(200, success('<success>true</succes>'))] },
  { name: 'xml 200: two documents', args: call, env, replies: [reply(200, success() + '\n' + success())] },
  { name: 'xml 200: an HTML page', args: call, env, replies: [reply(200, '<html>\n<head><title>Maintenance</title></head>\n<body>Back soon<br></body>\n</html>\n')] },
  { name: 'xml 200: undefined entity', args: call, env, replies: [reply(200, success('<success>&true;</success>'))] },
  { name: 'xml 200: entity ElementTree cannot expand (external DTD)', args: call, env, replies: [reply(200, `<!DOCTYPE R SYSTEM "r.dtd">${success('<success>&yes;</success>').replace(/^<\?xml[^>]*>\n/, '')}`)] },
  { name: 'xml 200: entity expanded from the internal subset', args: call, env, replies: [reply(200, `<!DOCTYPE R [<!ENTITY yes "true">]>\n<R><success>&yes;</success></R>`)] },
  { name: 'xml 200: recursive entity', args: call, env, replies: [reply(200, '<!DOCTYPE R [<!ENTITY a "&b;"><!ENTITY b "&a;">]><R><success>&a;</success></R>')] },
  { name: 'xml 200: entity that leaves an element open', args: call, env, replies: [reply(200, '<!DOCTYPE R [<!ENTITY open "<success>">]><R>&open;true</success></R>')] },
  { name: 'xml 200: entity expansion past the amplification limit', args: call, env, replies: [reply(200, billionLaughs)] },
  { name: 'xml 200: duplicate attribute', args: call, env, replies: [reply(200, success().replace(`xmlns="${EC2}"`, `xmlns="${EC2}" a="1" a="2"`))] },
  { name: 'xml 200: unclosed CDATA section', args: call, env, replies: [reply(200, success('<success><![CDATA[true</success>'))] },
  { name: 'xml 200: CDATA section holding the value', args: call, env, replies: [reply(200, success('<success><![CDATA[true]]></success>'))] },
  { name: 'xml 200: XML declaration after white space', args: call, env, replies: [reply(200, '\n' + success())] },
  { name: 'xml 200: XML declaration not well-formed', args: call, env, replies: [reply(200, success().replace('version="1.0"', 'version=1.0'))] },
  { name: 'xml 200: unbound prefix', args: call, env, replies: [reply(200, success('<ec2:success>true</ec2:success>'))] },
  { name: 'xml 200: reserved namespace prefix', args: call, env, replies: [reply(200, success().replace(`xmlns="${EC2}"`, `xmlns="${EC2}" xmlns:xml="${EC2}"`))] },
  { name: 'xml 200: reference to character zero', args: call, env, replies: [reply(200, success('<success>true&#0;</success>'))] },
  { name: 'xml 200: control character in the text', args: call, env, replies: [reply(200, success('<success>tr\u0001ue</success>'))] },
  { name: 'xml 200: ]]> in the text', args: call, env, replies: [reply(200, success('<success>true]]></success>'))] },
  { name: 'xml 200: syntax error in the DTD', args: call, env, replies: [reply(200, '<!DOCTYPE R [<!ELEMENT R (a, b | c)>]><R><success>true</success></R>')] },
  { name: 'xml 200: parameter entity in an entity value', args: call, env, replies: [reply(200, '<!DOCTYPE R [<!ENTITY % p "x"><!ENTITY e "%p;">]><R/>')] },
  { name: 'xml 200: illegal character in a public id', args: call, env, replies: [reply(200, '<!DOCTYPE R PUBLIC "-//A//B{}" "r.dtd"><R/>')] },

  // ---- 200 answers: bytes and encodings ----
  { name: 'xml 200: Latin-1 bytes under a Latin-1 declaration', args: call, env, replies: [reply(200, bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<R><requestId>caf', [0xe9], '</requestId><success>true</success></R>'))] },
  { name: 'xml 200: UTF-8 cut inside a character', args: call, env, replies: [reply(200, bytes('<R><requestId>', [0xe2, 0x82]))] },
  { name: 'xml 200: a surrogate encoded in UTF-8', args: call, env, replies: [reply(200, bytes('<R><requestId>', [0xed, 0xa0, 0x80], '</requestId></R>'))] },
  { name: 'xml 200: UTF-8 byte order mark', args: call, env, replies: [reply(200, bytes([0xef, 0xbb, 0xbf], success()))] },
  { name: 'xml 200: UTF-16 with a byte order mark', args: call, env, replies: [reply(200, utf16le(`<R xmlns="${EC2}"><requestId>\u00e9\u4e2d</requestId><success>true</success></R>`))] },
  { name: 'xml 200: UTF-16 cut inside a character', args: call, env, replies: [reply(200, bytes([0xff, 0xfe], [0x3c, 0x00, 0x52, 0x00, 0x3e, 0x00, 0x3d, 0xd8]))] },
  { name: 'xml 200: binary starting with NUL', args: call, env, replies: [reply(200, bytes([0x00, 0x01, 0x02, 0x80, 0xff, 0x3c, 0x00]))] },
  { name: 'xml 200: gzip bytes not decoded', args: call, env, replies: [reply(200, bytes([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]))] },

  // ---- error statuses with bodies that do not parse ----
  { name: 'xml 400: a JSON body', args: call, env, replies: [reply(400, '{"__type": "InvalidAction", "message": "x"}')] },
  { name: 'xml 400: error document cut short', args: call, env, replies: [reply(400, errors('<Code>InvalidIpamPoolId.NotFound</Code><Message>no').slice(0, -8))] },
  { name: 'xml 400: entity in the error code', args: call, env, replies: [reply(400, `<!DOCTYPE Response [<!ENTITY c "InvalidIpamPoolId.NotFound">]>${errors('<Code>&c;</Code><Message>The pool &amp; its &#x2018;allocation&#x2019;</Message>').replace(/^<\?xml[^>]*>\n/, '')}`)] },
  { name: 'xml 403: HTML page that is not XML', args: call, env, replies: [reply(403, '<html><body><h1>403 Forbidden</h1><hr><center>nginx</center></body></html>')] },
  { name: 'xml 500: error document cut short is not retried', args: call, env: twoAttempts, replies: [reply(500, errors('<Code>InternalError</Code>').slice(0, 60))] },
  { name: 'xml 503: text body is not retried', args: call, env: twoAttempts, replies: [reply(503, 'Service Unavailable')] },
  { name: 'xml 503: HTML page is retried', args: call, env: twoAttempts, replies: [reply(503, '\n  <html><body>Service Unavailable</body></html>'), reply(503, '<html><body>Service Unavailable</body></html>')] },
  { name: 'xml 503: HTML page, then a 200 that does not parse', args: call, env: twoAttempts, replies: [reply(503, '<html><body>busy'), reply(200, '<R><success>true</success>')] },
  { name: 'xml 503: throttled, then an error that does not parse', args: call, env: twoAttempts, replies: [reply(503, errors('<Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>')), reply(400, '<Response><Errors>')] },
  // ---- error documents nested deep: botocore's _replace_nodes recursion meets Python's limit ----
  { name: 'xml 400: error document nested 974 deep', args: call, env, replies: [reply(400, nested(974))] },
  { name: 'xml 400: error document nested 975 deep', args: call, env, differsIn2919: otherStackDepth, replies: [reply(400, nested(975))] },
  { name: 'xml 400: same-named siblings 973 deep', args: call, env, replies: [reply(400, nested(973, '<b/><b/>'))] },
  { name: 'xml 400: same-named siblings 974 deep', args: call, env, differsIn2919: otherStackDepth, replies: [reply(400, nested(974, '<b/><b/>'))] },
  { name: 'xml 400: siblings with children 971 deep', args: call, env, replies: [reply(400, nested(971, '<b><c/></b><b><c/></b>'))] },
  { name: 'xml 400: siblings with children 972 deep', args: call, env, differsIn2919: otherStackDepth, replies: [reply(400, nested(972, '<b><c/></b><b><c/></b>'))] },
  { name: 'xml 503: error document nested 50,000 deep is not retried', args: call, env: twoAttempts, replies: [reply(503, nested(50_000))] },
  { name: 'xml 200: answer nested 50,000 deep', args: call, env, replies: [reply(200, success(`${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}<success>true</success>`))] },
  { name: 'xml 504: UTF-16 error document is retried like any 5xx', args: call, env: twoAttempts, replies: [reply(504, utf16le(errors('<Code>InternalError</Code><Message>m</Message>'))), reply(504, utf16le(errors('<Code>InternalError</Code><Message>m</Message>')))] },
];
