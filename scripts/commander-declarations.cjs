// What the bundle gets for `commander`: its declaration classes (Option, Argument) without the
// Command class, whose parser, help and dispatch this CLI does not use (src/cli/parsers.ts).
// Mapped in by scripts/build.mjs; commander's package exports do not name these files, hence
// the relative paths.
exports.Option = require('../node_modules/commander/lib/option.js').Option;
exports.Argument = require('../node_modules/commander/lib/argument.js').Argument;
