#!/usr/bin/env node
// The local IPAM endpoint (src/emulator/), bundled by scripts/build.mjs.
// It requires dist/launch.cjs (src/startup/code-cache.ts) itself: every file Node's loader finds
// and compiles costs each start a little. CommonJS (see bin/package.json): Node starts it faster.
let launcher;
try {
  launcher = require('../dist/launch.cjs');
} catch (error) {
  require('./not-built.js')('aws-ipam-emulator', error);
}
launcher.launch('aws-ipam-emulator');
