// Documentation the help pages show that is neither the service model's nor a parameter's: the
// note in front of every EXAMPLES section and the top-level page's description. They are the
// words the real CLI's pages show (recorded from its output), so that our pages read the same.

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
