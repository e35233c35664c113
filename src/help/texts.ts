// Documentation the help pages show that is not part of the operation's service model: the
// parameters the CLI adds to every operation, the note in front of every EXAMPLES section, the
// top-level page's description, and the EC2 service's own description. They are the words the
// real CLI's pages show (recorded from its output), so that our pages read the same.

/** reST: --cli-input-json (the help page documents it together with --cli-input-yaml). */
export const cliInputJsonDoc =
  'Reads arguments from the JSON string provided. The JSON string follows the format provided by ' +
  '``--generate-cli-skeleton``. If other arguments are provided on the command line, those values will ' +
  'override the JSON-provided values. It is not possible to pass arbitrary binary values using a ' +
  'JSON-provided value as the string will be taken literally. This may not be specified along with ' +
  '``--cli-input-yaml``.';

/** reST: --cli-input-yaml (shown on its own by the auto-prompt). */
export const cliInputYamlDoc =
  'Reads arguments from the YAML string provided. The YAML string follows the format provided by ' +
  '``--generate-cli-skeleton yaml-input``. If other arguments are provided on the command line, those ' +
  'values will override the YAML-provided values. This may not be specified along with ``--cli-input-json``.';

/** reST: --generate-cli-skeleton. */
export const generateCliSkeletonDoc =
  'Prints a JSON skeleton to standard output without sending an API request. If provided with no value ' +
  'or the value ``input``, prints a sample input JSON that can be used as an argument for ' +
  '``--cli-input-json``. Similarly, if provided ``yaml-input`` it will print a sample input YAML that can ' +
  'be used with ``--cli-input-yaml``. If provided with the value ``output``, it validates the command ' +
  'inputs and returns a sample output JSON for that command. The generated JSON skeleton is not stable ' +
  'between versions of the AWS CLI and there are no backwards compatibility guarantees in the JSON ' +
  'skeleton generated.';

/** HTML: the note the CLI puts in front of every command's examples. */
export const examplesNote =
  '<p>To use the following examples, you must have the AWS CLI installed and configured. See the ' +
  "<a href='https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-getting-started.html'>Getting started guide</a> " +
  'in the <i>AWS CLI User Guide</i> for more information.</p>' +
  "<p>Unless otherwise stated, all examples have unix-like quotation rules. These examples will need to be adapted to your terminal's quoting rules. See " +
  "<a href='https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-quoting-strings.html'>Using quotation marks with strings</a> " +
  'in the <i>AWS CLI User Guide</i>.</p>';

/** The CLI's own description, synopsis and usage line (top-level page). */
export const cliDescription = 'The AWS Command Line Interface is a unified tool to manage your AWS services.';
export const cliSynopsis = 'aws [options] <command> <subcommand> [parameters]';
/**
 * reST. The real page goes on to point at `aws help topics`; this CLI has no topic pages, so
 * that sentence is left out.
 */
export const cliUsage =
  'Use *aws command help* for information on a specific command. The synopsis for each command shows ' +
  'its parameters and their usage. Optional parameters are shown in square brackets.';

/** HTML: the EC2 service model's documentation (its <fullname> is not shown). */
export const ec2ServiceDoc =
  '<fullname>Amazon Elastic Compute Cloud</fullname> <p>You can access the features of Amazon Elastic ' +
  'Compute Cloud (Amazon EC2) programmatically. For more information, see the ' +
  '<a href="https://docs.aws.amazon.com/ec2/latest/devguide">Amazon EC2 Developer Guide</a>.</p>';

/** Help topics the real CLI has (`aws help <topic>`); this CLI provides none of them. */
export const realHelpTopics: readonly string[] = [
  'topics',
  'config-vars',
  'ddb-expressions',
  'return-codes',
  's3-case-insensitivity',
  's3-config',
  's3-faq',
];
