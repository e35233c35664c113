#!/usr/bin/env node
// The `aws` command: everything lives in the bundle built from src/ (scripts/build.mjs), started
// with the V8 code caches the build made.
// It requires dist/launch.cjs (src/startup/code-cache.ts) itself: every file Node's loader finds
// and compiles costs each start a little. CommonJS (see bin/package.json): Node starts it faster.
let launcher;
try {
  launcher = require('../dist/launch.cjs');
} catch (error) {
  require('./not-built.js')('aws', error);
}
launcher.launch('aws');
