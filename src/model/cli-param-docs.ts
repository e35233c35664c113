// The CLI's documentation of the parameters it adds to every operation (reST), as its help pages
// and the prompt show it. A module of its own: the parsers, on every start, need only the flags.

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
