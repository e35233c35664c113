// --generate-cli-skeleton: sample input documents (JSON, YAML with doc comments) and the sample
// response used by `output`, all generated from the operation description.
import { docOverview, type Member, type Operation } from '../model/operation';

function sampleValue(member: Member, useMemberNames: boolean): string | boolean | number {
  switch (member.type) {
    case 'string':
      return useMemberNames ? member.name : '';
    case 'boolean':
      return true;
    case 'integer':
      return 0;
  }
}

/** `--generate-cli-skeleton` / `input`: 4-space JSON of every input member. */
export function inputSkeletonJson(op: Operation): string {
  const sample = Object.fromEntries(op.input.map((m) => [m.name, sampleValue(m, false)]));
  return JSON.stringify(sample, null, 4) + '\n';
}

/**
 * `yaml-input`: one line per member with its first doc sentence as a comment. The CLI's YAML
 * writer (ruamel) puts two spaces before the first comment and one before the others.
 */
export function inputSkeletonYaml(op: Operation): string {
  return op.input
    .map((member, i) => {
      const value = sampleValue(member, false);
      const scalar = typeof value === 'string' ? (value === '' ? "''" : value) : String(value);
      const comment = [member.required ? '[REQUIRED]' : '', docOverview(member.doc)].filter(Boolean).join(' ');
      return `${member.name}: ${scalar}${i === 0 ? '  ' : ' '}# ${comment}\n`;
    })
    .join('');
}

/** The sample response `output` prints (strings are the member names). */
export function outputSample(op: Operation): Record<string, unknown> {
  return Object.fromEntries(op.output.map((m) => [m.name, sampleValue(m, true)]));
}
