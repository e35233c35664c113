// Names the real AWS CLI v2 2.33.31 accepts as <command> and as `aws ec2 <subcommand>`, from
// catalog.json (written by scripts/generate-catalog.py from the aws-cli source of that tag).
// Only used to tell a misspelt name ("Maybe you meant") from a real command this clone does not
// provide, so the CLI loads it lazily, only for a name that is not its own.
import catalog from './catalog.json' with { type: 'json' };

export const topLevelCommands: readonly string[] = catalog.topLevelCommands;
export const ec2Operations: readonly string[] = catalog.ec2Operations;
