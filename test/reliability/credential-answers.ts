// fast-check generators of what a credential source can answer: any JSON value, objects with the
// expected fields holding values of any type, expirations of every form, bytes that are not text,
// truncated and non-JSON bodies, XML with elements missing, repeated, empty or odd, and HTTP
// statuses. The good values are the suite's secrets, so the leak scanner has something to find.
import fc from 'fast-check';
import { FUTURE_ISO, FUTURE_MS, PAST_ISO, PAST_MS, stsCredentials, stsError, stsResult, ASSUMED_USER } from '../helpers/credential-answers';
import type { Answer } from '../helpers/fake-aws';

/** Any JSON value, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 });

/** Values that have broken credential code before, then anything. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, 0, 1, -1, 1.5, true, false, [], {}, '', ' ', 'AKIDé', 'AKID€', 'AKID🔑', 'tok\nen', 'a\u0001b', ['x'], { a: 1 }),
  anyJson,
  fc.string({ maxLength: 20 }),
);

/** Expirations: dates in every format dateutil knows, past and future, numbers, junk. */
export const expiration: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(FUTURE_ISO, PAST_ISO, '2099-01-01T00:00:00', '2099-01-01', '2099-01-01T00:00:00+01:00', 'Thu, 01 Jan 2099 00:00:00 GMT', '2099-13-01T00:00:00Z', '4070908800', '', ' ', 'not a date', '2099-01-01T00:00:00 EST', '2099-01-01T00:00:00+99:99', '55555-01-01', 'Monday 12:00', '12:30') },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('2099', '2020', '01', '13', '31', '-', '/', ':', 'T', 'Z', ' ', '+', '00', 'Jan', 'UTC', '.', '5', 'am', '99999999999'), { maxLength: 9 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: oddValue },
);

const MISSING = Symbol('missing');

/** One field: mostly its good value, else an odd one, sometimes absent. */
function field(good: unknown, odd: fc.Arbitrary<unknown> = oddValue): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 8, arbitrary: fc.constant(good) }, { weight: 3, arbitrary: odd }, { weight: 1, arbitrary: fc.constant(MISSING) });
}

/** An object with these fields (each good, odd or missing) and sometimes an extra key. */
export function fieldsObject(good: Readonly<Record<string, unknown>>, odd: Readonly<Record<string, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(Object.entries(good).map(([key, value]) => [key, field(value, odd[key])]));
  return fc.tuple(fc.record(model), fc.option(fc.tuple(fc.string({ maxLength: 8 }), anyJson), { nil: undefined })).map(([object, extra]) => {
    const present = Object.fromEntries(Object.entries(object).filter(([, value]) => value !== MISSING));
    return extra ? { ...present, [extra[0]]: extra[1] } : present;
  });
}

/** The text of a JSON value, or a damaged form of it. */
export function jsonBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.tuple(value, fc.nat()).map(([v, cut]) => { const text = JSON.stringify(v) ?? 'null'; return text.slice(0, cut % (text.length + 1)); }) },
    { weight: 1, arbitrary: value.map((v) => `\ufeff${JSON.stringify(v)}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 24 }) },
  );
}

export const status: fc.Arbitrary<number> = fc.oneof({ weight: 8, arbitrary: fc.constant(200) }, { weight: 2, arbitrary: fc.constantFrom(201, 204, 302, 400, 401, 403, 404, 429, 500, 503) });

/** An HTTP answer: a status, a body, sometimes cut short of its Content-Length or dropped. */
export function answerOf(body: fc.Arbitrary<string | Uint8Array>): fc.Arbitrary<Answer> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(status, body).map(([code, text]): Answer => ({ status: code, body: text })) },
    { weight: 1, arbitrary: body.map((text): Answer => ({ body: text, contentLength: Buffer.byteLength(text) + 10 })) },
    { weight: 1, arbitrary: fc.constant<Answer>({ body: '', destroy: true }) },
  );
}

// ---- the SSO portal's GetRoleCredentials answer ----

export function ssoPortalValue(good: Readonly<Record<string, unknown>>): fc.Arbitrary<unknown> {
  const expirations = fc.oneof(fc.constantFrom<unknown>(FUTURE_MS, PAST_MS, 0, -1, 1e20, String(FUTURE_MS), FUTURE_MS + 0.5, 'soon'), oddValue);
  return fc.oneof(
    { weight: 6, arbitrary: fieldsObject(good, { expiration: expirations }).map((role) => ({ roleCredentials: role })) },
    { weight: 1, arbitrary: oddValue.map((role) => ({ roleCredentials: role })) },
    { weight: 1, arbitrary: anyJson },
  );
}

// ---- STS XML ----

const stsTexts = fc.oneof(fc.constantFrom('', ' ', 'AKID&#x20AC;', 'x<y', '&amp;', '<b>nested</b>', '<![CDATA[c]]>'), fc.stringMatching(/^[A-Za-z0-9 +/=:.-]{0,20}$/));

/** AssumeRole-like answers: the good document with parts missing, empty, repeated or odd; other documents; junk. */
export function stsBody(action: string): fc.Arbitrary<string | Uint8Array> {
  const part = (good: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: stsTexts });
  const credentials = fc
    .record({ accessKeyId: part('ASIASTSASSUMED000001'), secretAccessKey: part('sts/Secret+FromAssumeRole/NeverPrint01'), sessionToken: part('STS-SESSION-TOKEN-never-print-0001'), expiration: fc.oneof(part(FUTURE_ISO), expiration.filter((e): e is string => typeof e === 'string' && !/[<&]/.test(e))) })
    .map((parts) => stsCredentials(parts));
  const inner = fc.oneof(
    { weight: 5, arbitrary: credentials.map((c) => c + ASSUMED_USER) },
    { weight: 1, arbitrary: credentials.map((c) => c + c) },
    { weight: 1, arbitrary: fc.constantFrom('', ASSUMED_USER, '<Credentials/>', '<Credentials>text</Credentials>', stsCredentials() + '<AssumedRoleUser><Arn>arn:aws</Arn></AssumedRoleUser>') },
  );
  return fc.oneof(
    { weight: 8, arbitrary: inner.map((i) => stsResult(action, i)) },
    { weight: 1, arbitrary: fc.constantFrom(stsError('AccessDenied', 'denied'), stsError(null, null), '<a/>', '<html><body>x</body></html>') },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.uint8Array({ maxLength: 24 })) },
  );
}
