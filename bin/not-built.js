// What bin/<command>.js does when dist/launch.cjs cannot be loaded. An install that never ran its
// build (a git install with scripts turned off) has no dist/: say so in one line, as the CLI
// reports its other failures (exit 255), instead of Node's stack trace.
const { join } = require('node:path');

module.exports = function notBuilt(command, error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  const where = join(__dirname, '..');
  process.stderr.write(
    `\nThis installation of ${command} has not been built (no ${join(where, 'dist')}). ` +
      `Install it again with its build scripts allowed, or run \`npm install && npm run build\` in ${where}.\n`,
  );
  process.exit(255);
};
