// The config-file reader against the real thing: every input below is parsed by Python's
// configparser.RawConfigParser (with botocore's nested-section rule) in one python3 process and
// by our parseIni; sections, keys, values and the fact of failing must agree.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseIni, IniParseError } from '../../src/config/ini';
import { shlexSplit, ShlexError } from '../../src/util/shlex';

const PYTHON = `
import configparser, json, sys, shlex
out = []
for path in json.load(sys.stdin)["ini"]:
    cp = configparser.RawConfigParser()
    try:
        cp.read([path], encoding="utf-8")
        result = {}
        for s in cp.sections():
            result[s] = {}
            for o in cp.options(s):
                v = cp.get(s, o)
                if v.startswith("\\n"):
                    nested = {}
                    try:
                        for line in v.splitlines():
                            line = line.strip()
                            if not line: continue
                            k, x = line.split("=", 1)
                            nested[k.strip()] = x.strip()
                        v = nested
                    except ValueError:
                        raise configparser.Error("nested")
                result[s][o] = v
        out.append({"ok": result})
    except configparser.Error:
        out.append({"error": True})
shl = []
for text in json.load(open(sys.argv[1]))["shlex"]:
    try:
        shl.append({"ok": shlex.split(text)})
    except ValueError:
        shl.append({"error": True})
print(json.dumps({"ini": out, "shlex": shl}))
`;

const inputs = [
  '[default]\nregion = us-east-1\n',
  '[default]\nregion=us-east-1\noutput:json\n',
  '[default]\n  region = us-east-1\n',
  '[default]\nregion = us-east-1\n  continued\n\n  after blank\n',
  '[default]\nregion = us-east-1\n\n\n',
  '[default]\nkey = a # not a comment\n; comment\n# comment\n',
  '[default]\n   # indented comment\nregion = x\n',
  '[default]\nREGION = x\nMixed_Case = y\n',
  '[default]\nregion = x\n[default]\noutput = y\n',
  '[default]\nregion = x\nregion = y\n',
  'region = x\n',
  '[default\nregion = x\n',
  '[default]\nno delimiter here\n',
  '[default]\n= value\n',
  '[default]\n : value\n',
  '[DEFAULT]\nregion = x\n[a]\n[b]\nregion = y\n',
  '[DEFAULT]\nregion = x\n[DEFAULT]\noutput = y\n',
  '[a] trailing\nk = v\n',
  '[a]]\nk = v\n',
  '[a]b]\nk = v\n',
  '[]\nk = v\n',
  '[ spaced ]\nk = v\n',
  '[a]\ns3 =\n  addressing_style = path\n  signature_version = s3v4\n',
  '[a]\ns3 =\n  addressing_style path\n',
  '[a]\ns3 =\n\n  a = b\n\n  c = d = e\n',
  '[a]\nk = v\r\nk2 = v2\r\n',
  '[a]\rk = v\r',
  '[a]\nk =\n',
  '[a]\nk = \t value with  spaces \t\n',
  '[a]\nk=v\n [b]\n',
  '[a]\nk=v\n\t\tcontinued with tab\n',
  '[a]\n  k=v\n  k2=v2\n    deeper\n',
  '[a]\nk==v\n',
  '[a]\nk:=v\n',
  '[a]\nk = v\n[b]\nk = w\n[a]\n',
  '\ufeff[a]\nk=v\n',
  '[a]\nkey with spaces = v\n',
  '[a]\nÄ = ü\n',
  '',
  '\n\n',
  '# only comments\n',
  '[profile dev]\nregion = us-east-1\n[profile "quoted name"]\nx = 1\n',
];

const shlexInputs = ['profile dev', 'profile "a b"', "profile 'a b'", 'profile  dev  ', 'profile "unterminated', 'a\\ b c', 'a "b\\"c" d', "a 'b\\' c", 'x\\', 'a""b', "''", 'a "b\\\\c"'];

function ours(text: string): unknown {
  try {
    const sections = parseIni(text);
    return { ok: Object.fromEntries([...sections].map(([name, values]) => [name, Object.fromEntries(values)])) };
  } catch (error) {
    if (error instanceof IniParseError) return { error: true };
    throw error;
  }
}

function oursShlex(text: string): unknown {
  try {
    return { ok: shlexSplit(text) };
  } catch (error) {
    if (error instanceof ShlexError) return { error: true };
    throw error;
  }
}

describe('config file parsing matches Python configparser', () => {
  // files, not strings: reading a file splits lines at \r as well (universal newlines)
  const dir = mkdtempSync(join(tmpdir(), 'ini-'));
  const paths = inputs.map((text, index) => {
    const path = join(dir, `${index}.ini`);
    writeFileSync(path, text);
    return path;
  });
  writeFileSync(join(dir, 'shlex.json'), JSON.stringify({ shlex: shlexInputs }));
  const python = JSON.parse(
    execFileSync('python3', ['-c', PYTHON, join(dir, 'shlex.json')], { input: JSON.stringify({ ini: paths }), encoding: 'utf8' }),
  ) as { ini: unknown[]; shlex: unknown[] };

  inputs.forEach((text, index) => {
    test(`ini ${JSON.stringify(text)}`, () => {
      expect(ours(text)).toEqual(python.ini[index]);
    });
  });
  shlexInputs.forEach((text, index) => {
    test(`shlex ${JSON.stringify(text)}`, () => {
      expect(oursShlex(text)).toEqual(python.shlex[index]);
    });
  });
});
