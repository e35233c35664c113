// The EC2 errors the emulator answers with: code, message and HTTP status as EC2 sends them.
// Where EC2's exact wording is public it is used; the rest follow EC2's style (see the report
// in the emulator's README section for which is which).

export class Ec2Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

// --- protocol and authentication ---------------------------------------------------------------

export const missingAuthentication = () =>
  new Ec2Error('MissingParameter', 'The request must contain the parameter AWSAccessKeyId', 400);

export const incompleteSignature = (problems: readonly string[], header: string) =>
  new Ec2Error('IncompleteSignature', `${problems.join(' ')} Authorization=${header}`, 400);

export const authFailure = () => new Ec2Error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);

export const signatureDoesNotMatch = () =>
  new Ec2Error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );

export const requestExpired = () => new Ec2Error('RequestExpired', 'Request has expired.', 400);

export const missingAction = () => new Ec2Error('MissingAction', 'The request must contain the parameter Action', 400);

export const invalidAction = (action: string) =>
  new Ec2Error('InvalidAction', `The action ${action} is not valid for this web service.`, 400);

export const missingVersion = () => new Ec2Error('MissingParameter', 'The request must contain the parameter Version', 400);

export const noSuchVersion = (version: string) =>
  new Ec2Error('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`, 400);

export const missingParameter = (name: string) =>
  new Ec2Error('MissingParameter', `The request must contain the parameter ${name}`, 400);

export const unknownParameter = (name: string) => new Ec2Error('UnknownParameter', `The parameter ${name} is not recognized`, 400);

export const invalidParameterValue = (message: string) => new Ec2Error('InvalidParameterValue', message, 400);

export const invalidValueFor = (name: string, value: string, expected?: string) =>
  invalidParameterValue(`Value (${value}) for parameter ${name} is invalid.${expected ? ` ${expected}` : ''}`);

export const invalidParameterCombination = (message: string) => new Ec2Error('InvalidParameterCombination', message, 400);

export const invalidFilter = (name: string) => invalidParameterValue(`The filter '${name}' is invalid`);

export const invalidPaginationToken = (token: string) =>
  new Ec2Error('InvalidPaginationToken', `Invalid pagination token: ${token}`, 400);

export const dryRunOperation = () => new Ec2Error('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);

export const unauthorizedOperation = (principalArn: string, action: string, resourceArn: string) =>
  new Ec2Error(
    'UnauthorizedOperation',
    `You are not authorized to perform this operation. User: ${principalArn} is not authorized to perform: ec2:${action} on resource: ${resourceArn} because no identity-based policy allows the ec2:${action} action`,
    403,
  );

export const idempotentParameterMismatch = () =>
  new Ec2Error(
    'IdempotentParameterMismatch',
    'The client token you have provided is associated with a request that had different parameters.',
    400,
  );

export const internalError = () => new Ec2Error('InternalError', 'An internal error has occurred', 500);

export const requestTooLarge = () => new Ec2Error('RequestEntityTooLarge', 'The request body is too large.', 413);

export const methodNotAllowed = (method: string) =>
  new Ec2Error('MethodNotAllowed', `The HTTP method ${method} is not allowed for this resource.`, 405);

// --- IPAM resources ----------------------------------------------------------------------------

export const ipamNotFound = (id: string) => new Ec2Error('InvalidIpamId.NotFound', `The ipam ID '${id}' does not exist`, 400);

export const scopeNotFound = (id: string) =>
  new Ec2Error('InvalidIpamScopeId.NotFound', `The ipam-scope ID '${id}' does not exist`, 400);

export const poolNotFound = (id: string) =>
  new Ec2Error('InvalidIpamPoolId.NotFound', `The ipam-pool ID '${id}' does not exist`, 400);

export const allocationNotFound = (id: string) =>
  new Ec2Error('InvalidIpamPoolAllocationId.NotFound', `The IPAM pool allocation (${id}) does not exist.`, 400);

export const dependencyViolation = (id: string, reason: string) =>
  new Ec2Error('DependencyViolation', `The specified action is not valid for ${id}. ${reason}`, 400);
