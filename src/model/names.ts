// Name conversions shared by every consumer of the operation description.

/**
 * The CLI's spelling of a service-model name: `IpamPoolAllocationId` → `ipam-pool-allocation-id`,
 * `ReleaseIpamPoolAllocation` → `release-ipam-pool-allocation`. Runs of capitals stay one word
 * (`DryRun` → `dry-run`, `CIDRBlock` → `cidr-block`).
 */
export function cliName(modelName: string): string {
  return modelName
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The `--flag` of a member. */
export function flagOf(modelName: string): string {
  return `--${cliName(modelName)}`;
}

/** The `--no-flag` that turns a boolean member off. */
export function negatedFlagOf(modelName: string): string {
  return `--no-${cliName(modelName)}`;
}
