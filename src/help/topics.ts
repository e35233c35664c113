// The help topics of the real CLI (`aws help <topic>`). This CLI provides none of them; their
// names are refused as not provided rather than as unknown words.
export const realHelpTopics: readonly string[] = [
  'topics',
  'config-vars',
  'ddb-expressions',
  'return-codes',
  's3-case-insensitivity',
  's3-config',
  's3-faq',
];
