// The one description of the operation this CLI provides. Parser, validation, skeletons, help,
// prompting, completion and the emulator's documentation all read it; nothing else spells out
// a member name, a flag, a type or a doc string.
import { cliName } from './names';

export type ScalarType = 'string' | 'boolean' | 'integer';

export interface Member {
  /** Service-model name, as sent on the wire and used in --cli-input-json. */
  readonly name: string;
  readonly type: ScalarType;
  readonly required: boolean;
  /** Documentation from the service model (HTML, as AWS publishes it). */
  readonly doc: string;
}

export interface Operation {
  /** `ec2` */
  readonly service: string;
  /** Full service name for help pages. */
  readonly serviceFullName: string;
  /** The service's documentation (HTML, from its service model; the <fullname> is not shown). */
  readonly serviceDoc: string;
  readonly apiVersion: string;
  /** `ReleaseIpamPoolAllocation` */
  readonly name: string;
  readonly doc: string;
  readonly input: readonly Member[];
  readonly output: readonly Member[];
  /** The documented example (reStructuredText, as published with the CLI). */
  readonly example: string;
}

export const releaseIpamPoolAllocation = {
  service: 'ec2',
  serviceFullName: 'Amazon Elastic Compute Cloud',
  serviceDoc:
    '<fullname>Amazon Elastic Compute Cloud</fullname> <p>You can access the features of Amazon Elastic ' +
    'Compute Cloud (Amazon EC2) programmatically. For more information, see the ' +
    '<a href="https://docs.aws.amazon.com/ec2/latest/devguide">Amazon EC2 Developer Guide</a>.</p>',
  apiVersion: '2016-11-15',
  name: 'ReleaseIpamPoolAllocation',
  doc:
    '<p>Release an allocation within an IPAM pool. The Region you use should be the IPAM pool locale. ' +
    'The locale is the Amazon Web Services Region where this IPAM pool is available for allocations. ' +
    'You can only use this action to release manual allocations. To remove an allocation for a resource ' +
    'without deleting the resource, set its monitored state to false using ' +
    '<a href="https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyIpamResourceCidr.html">ModifyIpamResourceCidr</a>. ' +
    'For more information, see <a href="https://docs.aws.amazon.com/vpc/latest/ipam/release-alloc-ipam.html">Release an allocation</a> ' +
    'in the <i>Amazon VPC IPAM User Guide</i>. </p> <note> <p>All EC2 API actions follow an ' +
    '<a href="https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html">eventual consistency</a> model.</p> </note>',
  input: [
    {
      name: 'DryRun',
      type: 'boolean',
      required: false,
      doc:
        '<p>A check for whether you have the required permissions for the action without actually making the request ' +
        'and provides an error response. If you have the required permissions, the error response is ' +
        '<code>DryRunOperation</code>. Otherwise, it is <code>UnauthorizedOperation</code>.</p>',
    },
    {
      name: 'IpamPoolId',
      type: 'string',
      required: true,
      doc: '<p>The ID of the IPAM pool which contains the allocation you want to release.</p>',
    },
    {
      name: 'Cidr',
      type: 'string',
      required: true,
      doc: '<p>The CIDR of the allocation you want to release.</p>',
    },
    {
      name: 'IpamPoolAllocationId',
      type: 'string',
      required: true,
      doc: '<p>The ID of the allocation.</p>',
    },
  ],
  output: [
    {
      name: 'Success',
      type: 'boolean',
      required: false,
      doc: '<p>Indicates if the release was successful.</p>',
    },
  ],
  example: [
    '**To release an IPAM pool allocation**',
    '',
    "In this example, you're an IPAM delegated admin who tried to delete an IPAM pool but received an error that you cannot delete the pool while the pool has allocations. You are using this command to release a pool allocation. ",
    '',
    'Note the following:',
    '',
    '* You can only use this command for custom allocations. To remove an allocation for a resource without deleting the resource, set its monitored state to false using `modify-ipam-resource-cidr <https://docs.aws.amazon.com/cli/latest/reference/ec2/modify-ipam-resource-cidr.html>`__.',
    "* To complete this request, you'll need the IPAM pool ID, which you can get with `describe-ipam-pools <https://docs.aws.amazon.com/cli/latest/reference/ec2/describe-ipam-pools.html>`__. You'll also need the allocation ID, which you can get with `get-ipam-pool-allocations <https://docs.aws.amazon.com/cli/latest/reference/ec2/get-ipam-pool-allocations.html>`__.",
    '* If you do not want to remove allocations one by one, you can use the ``--cascade option`` when you delete an IPAM pool to automatically release any allocations in the pool before deleting it.',
    '* There are a number of prerequisites before running this command. For more information, see `Release an allocation <https://docs.aws.amazon.com/vpc/latest/ipam/release-alloc-ipam.html>`__ in the *Amazon VPC IPAM User Guide*.',
    '* The ``--region`` in which you run this command must be the locale of the IPAM pool where the allocation is.',
    '',
    'The following ``release-ipam-pool-allocation`` example releases an IPAM pool allocation. ::',
    '',
    '    aws ec2 release-ipam-pool-allocation \\',
    '        --ipam-pool-id ipam-pool-07bdd12d7c94e4693 \\',
    '        --cidr 10.0.0.0/23 \\',
    '        --ipam-pool-allocation-id ipam-pool-alloc-0e66a1f730da54791b99465b79e7d1e89 \\',
    '        --region us-west-1',
    '',
    'Output::',
    '',
    '    {',
    '        "Success": true',
    '    }',
    '',
    'Once you release an allocation, you may want to run `delete-ipam-pool <https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-ipam-pool.html>`__.',
    '',
  ].join('\n'),
} as const satisfies Operation;

/** The operation's subcommand name, `release-ipam-pool-allocation`. */
export function operationCliName(op: Operation): string {
  return cliName(op.name);
}

/** The member names of the input, in model order (the order of skeletons and validation messages). */
export function inputMemberNames(op: Operation): string[] {
  return op.input.map((m) => m.name);
}

/** First sentence of a member's documentation, as the YAML skeleton's comment uses it. */
export function docOverview(html: string): string {
  const text = html.replace(/<[^>]*>/g, '').trim();
  const end = text.indexOf('. ');
  return end === -1 ? text : text.slice(0, end + 1);
}
