// Help pages (aws help, aws ec2 help, aws ec2 release-ipam-pool-allocation help).
import type { Globals } from '../cli/globals';
import type { Io } from '../cli/io';

export async function showHelpPage(topic: string[], _globals: Globals, io: Io): Promise<number> {
  io.stdout(`${topic.join(' ')}\n`);
  return 0;
}
