// botocore's parameter validation of the STS calls the credential chain makes: the values come
// from the profile (a session name, an external ID, an MFA serial, a duration, a token file), and
// what the model's minimums refuse fails before STS is asked, as "Parameter validation failed".
import { ParamValidationError } from '../../runtime/errors';

/** The model's minimum lengths (strings) and values (integers) of the two requests' members. */
const MINIMUMS: Readonly<Record<string, number>> = {
  RoleArn: 20,
  RoleSessionName: 2,
  ExternalId: 2,
  SerialNumber: 9,
  TokenCode: 6,
  WebIdentityToken: 4,
  DurationSeconds: 900,
};

/** Checks the parameters in the order botocore was given them (its messages are listed in that order). */
export function checkStsParameters(params: ReadonlyArray<readonly [string, string | number]>): void {
  const problems: string[] = [];
  for (const [name, value] of params) {
    const minimum = MINIMUMS[name];
    if (minimum === undefined) continue;
    if (typeof value === 'number') {
      if (value < minimum) problems.push(`Invalid value for parameter ${name}, value: ${value}, valid min value: ${minimum}`);
    } else if ([...value].length < minimum) {
      problems.push(`Invalid length for parameter ${name}, value: ${[...value].length}, valid min length: ${minimum}`);
    }
  }
  if (problems.length) throw new ParamValidationError(`Parameter validation failed:\n${problems.join('\n')}`);
}
