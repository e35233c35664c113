// dateutil.parser.parse, which botocore applies to credential expirations and SSO token times:
// every input is parsed by our port and by the python3-dateutil the reference CLI runs on
// (Debian's, /usr/bin/python3), in one process; the datetime or the exception must agree.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { skipUnless } from '../helpers/skip';
import { dateutilParse, utcOffsetSeconds } from '../../src/util/dateutil';
import { PyError } from '../../src/util/pyerror';

const PYTHON = `
import json, sys, warnings
import dateutil.parser
warnings.simplefilter('ignore')
out = []
for text in json.load(sys.stdin):
    try:
        d = dateutil.parser.parse(text)
        off = d.utcoffset()
        out.append([d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, None if off is None else int(off.total_seconds())])
    except Exception as e:
        out.append('%s: %s' % (type(e).__name__, e))
json.dump(out, sys.stdout)
`;

export const dateInputs: unknown[] = [
  '2099-01-01T00:00:00Z', '2020-01-01T00:00:00Z', '2099-01-01T00:00:00', '2099-01-01', '4070908800', '2099-01-01T00:00:00+01:00',
  'Thu, 01 Jan 2099 00:00:00 GMT', '2099-13-01T00:00:00Z', '2099-02-30T00:00:00Z', '2099-01-01T25:00:00Z', '2099-01-01T00:61:00Z',
  '2099-01-01T00:00:61Z', '', ' ', 'not a date', 'soon', '2099-01-01T00:00:00.123Z', '2099-01-01T00:00:00.1234567Z',
  '2099-01-01 00:00:00 UTC', '2099-01-01T00:00:00UTC', '2099-01-01T00:00:00+0200', '2099-01-01T00:00:00-03', '2099-01-01T00:00:00 EST',
  '20990101T000000Z', '20990101', '990101', '12:30', '12:30:45.5', '10h30m', '10 h', '1.5h', 'Jan 2099', 'January 5 2099', '5 Jan 99',
  'Jan-05-2099', '05/01/2099', '2099/01/05', '01-02-03', '13-01-01', '2099-Jan-05', 'Monday', 'Mon 12:00', '12am', '12 pm', '13pm', 'am',
  '2099-01-01T00:00:00Z extra', '1', '31', '32', '100', '99999', '55555-01-01', '2147483648', '99999999999999999999', '0000-01-01',
  'GMT+3 12:00', '12:00 GMT+3', '12:00 -03:00', '12:00 +0530 (IST)', 'nan', 'inf', '1.2.3', '2099.01.01', '٢٠٩٩-٠١-٠١', 'T', '-', '+', 'Z',
  '12:00 Z', '12:00 z', 'Jan of 99', '2099-01-01T00:00:00+99:99', '3rd of January 2099', 'Sept 5', '0', '00', '2099-00-01', '12:', '12::00',
  null, 1, 1.5, true, [], {},
];

describe('dateutil.parser.parse', () => {
  test('agrees with python3-dateutil for every input', (context) => {
    skipUnless(existsSync('/usr/bin/python3'), "Debian's python3 is not installed")(context);
    const strings = dateInputs.filter((v): v is string => typeof v === 'string');
    const python: unknown[] = JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(strings), encoding: 'utf8' }));
    const ours = strings.map((text) => {
      try {
        const d = dateutilParse(text);
        return [d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, utcOffsetSeconds(d) ?? null];
      } catch (error) {
        if (error instanceof PyError) return `${error.pyType}: ${error.message}`;
        throw error;
      }
    });
    expect(Object.fromEntries(strings.map((s, i) => [s, ours[i]]))).toEqual(Object.fromEntries(strings.map((s, i) => [s, python[i]])));
  });

  test('refuses what is not a string with TypeError', () => {
    const messages = dateInputs.filter((v) => typeof v !== 'string').map((v) => {
      try {
        dateutilParse(v);
        return 'parsed';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages).toEqual(['NoneType', 'int', 'float', 'bool', 'list', 'dict'].map((t) => `Parser must be a string or character stream, not ${t}`));
  });
});
