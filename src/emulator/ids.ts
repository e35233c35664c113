// Resource ids in EC2's formats: `ipam-0123456789abcdef0` style ids carry 17 hex digits,
// pool allocations and pool CIDRs 33 (EC2 ids of both kinds start with a 0 digit).
import { randomBytes, randomUUID } from 'node:crypto';

function hexDigits(count: number): string {
  return randomBytes(Math.ceil(count / 2)).toString('hex').slice(0, count);
}

const shortId = (prefix: string) => `${prefix}-0${hexDigits(16)}`;
const longId = (prefix: string) => `${prefix}-0${hexDigits(32)}`;

export const newIpamId = () => shortId('ipam');
export const newScopeId = () => shortId('ipam-scope');
export const newPoolId = () => shortId('ipam-pool');
export const newResourceDiscoveryId = () => shortId('ipam-res-disco');
export const newResourceDiscoveryAssociationId = () => shortId('ipam-res-disco-assoc');
export const newAllocationId = () => longId('ipam-pool-alloc');
export const newPoolCidrId = () => longId('ipam-pool-cidr');
export const newRequestId = () => randomUUID();
