// Generators (fast-check arbitraries) of what an endpoint can answer a call with: any status,
// odd headers, and bodies of every kind — well-formed XML of the wrong shape, error documents
// the parser does not expect, XML cut short, the malformed bodies of the XML differential test,
// binary, huge and deeply nested documents.
import fc from 'fast-check';
import { generateDocuments } from '../config/xml-documents';

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

/** An answer that fast-check prints briefly in a failure report (bodies can be megabytes). */
function described(a: Answer): Answer {
  const text = Buffer.from(a.body.subarray(0, 200)).toString('latin1');
  const more = a.body.length > 200 ? `…(${a.body.length} bytes)` : '';
  return Object.assign({ ...a }, { [fc.toStringMethod]: () => `${a.status} ${JSON.stringify(a.headers)} ${JSON.stringify(text)}${more}` });
}

const EC2 = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Statuses: the ones EC2 and load balancers send, and any other from 200 to 599. */
export const status = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(200, 400, 403, 404, 412, 500, 502, 503, 504) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
);

export const headers = fc.constantFrom<Record<string, string>>(
  {},
  { 'Content-Type': 'application/json' },
  { 'Content-Type': 'text/html; charset=ISO-8859-1' },
  { 'Content-Type': 'application/octet-stream' },
  { 'Content-Encoding': 'gzip' },
  { 'x-amzn-RequestId': '00000000-0000-0000-0000-000000000000', 'x-amzn-ErrorType': 'InternalFailure' },
  { Connection: 'close' },
);

const names = fc.constantFrom(
  'ReleaseIpamPoolAllocationResponse', 'Response', 'ErrorResponse', 'Errors', 'Error', 'Code', 'Message', 'Type',
  'RequestID', 'RequestId', 'requestId', 'success', 'Success', 'item', 'x', 'ec2:success',
);

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('true', 'false', 'TRUE', '', ' ', '1', 'null', 'InvalidIpamPoolId.NotFound', 'RequestLimitExceeded', 'Throttling', 'InternalError', 'DryRunOperation') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Well-formed XML elements of any shape built from the names botocore looks for. */
const { element } = fc.letrec<{ element: string }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(names, text).map(([name, value]) => `<${name}>${escape(value)}</${name}>`),
    names.map((name) => `<${name}/>`),
    fc.tuple(names, fc.array(tie('element'), { maxLength: 4 }), fc.constantFrom('', ` xmlns="${EC2}"`, ' xmlns="urn:other"', ' xmlns:ec2="urn:ec2"', ' a="1"')).map(
      ([name, children, attributes]) => `<${name}${attributes}>${children.join('')}</${name}>`,
    ),
  ),
}));

/** Documents of the shapes botocore's Query parser walks, with the wrong things inside. */
const document = fc.oneof(
  element,
  element.map((inner) => `<?xml version="1.0" encoding="UTF-8"?>\n<ReleaseIpamPoolAllocationResponse xmlns="${EC2}">${inner}</ReleaseIpamPoolAllocationResponse>`),
  element.map((inner) => `<Response><Errors>${inner}</Errors><RequestID>r</RequestID></Response>`),
  element.map((inner) => `<Response><Errors><Error>${inner}</Error></Errors></Response>`),
  fc.constantFrom(
    '<Response><Errors/></Response>',
    '<Response><Errors>text</Errors></Response>',
    '<Response><Errors><Error>text</Error></Errors></Response>',
    '<Response><Error><Code><Nested>X</Nested></Code></Error></Response>',
    '<Response><Errors><Error><Code>A</Code></Error><Error><Code>B</Code></Error></Errors></Response>',
    '<Response><Errors><Error/></Errors></Response>',
    '<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>',
    `<ReleaseIpamPoolAllocationResponse xmlns="${EC2}"><success><b>true</b></success></ReleaseIpamPoolAllocationResponse>`,
    `<ReleaseIpamPoolAllocationResponse xmlns="${EC2}"><success>true</success><success>false</success></ReleaseIpamPoolAllocationResponse>`,
    '<!DOCTYPE R [<!ENTITY t "true">]><R><success>&t;</success></R>',
  ),
);

/** The malformed and odd bodies of the XML differential test (a fixed sample). */
const corpus = generateDocuments(7, 600).map((b) => new Uint8Array(b));

/** Bodies of every kind but huge and deep ones. */
export const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: document.map(utf8) },
  { weight: 3, arbitrary: fc.tuple(document, fc.nat()).map(([doc, cut]) => utf8(doc).subarray(0, cut % (doc.length + 1))) },
  { weight: 3, arbitrary: fc.constantFrom(...corpus) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(utf8(''), utf8('  \r\n'), utf8('<html><body>Service Unavailable</body></html>'), utf8(' <html>x'), utf8('{"message": "Internal server error"}')) },
);

export const answer: fc.Arbitrary<Answer> = fc.record({ status, headers, body }).map(described);

/** Answers of megabytes: many elements botocore does not know, maybe cut short. */
export const hugeAnswer: fc.Arbitrary<Answer> = fc
  .record({ status: fc.constantFrom(200, 400, 500), copies: fc.integer({ min: 50_000, max: 200_000 }), cut: fc.boolean() })
  .map(({ status, copies, cut }) => {
    const doc = `<ReleaseIpamPoolAllocationResponse xmlns="${EC2}"><junk>${'<item><a>x</a></item>'.repeat(copies)}</junk><success>true</success></ReleaseIpamPoolAllocationResponse>`;
    const bytes = utf8(doc);
    return described({ status, headers: {}, body: cut ? bytes.subarray(0, bytes.length - 30) : bytes });
  });

/** Answers nested tens of thousands deep, closed or not. */
export const deepAnswer: fc.Arbitrary<Answer> = fc
  .record({ status: fc.constantFrom(200, 400, 503), depth: fc.integer({ min: 1_000, max: 60_000 }), closed: fc.boolean(), name: fc.constantFrom('a', 'Errors', 'Error') })
  .map(({ status, depth, closed, name }) =>
    described({ status, headers: {}, body: utf8(`<Response>${`<${name}>`.repeat(depth)}${closed ? `</${name}>`.repeat(depth) : ''}</Response>`) }),
  );
