#!/usr/bin/env node
// The local IPAM endpoint (src/emulator/), bundled by scripts/build.mjs.
require('../dist/launch.cjs').launch('aws-ipam-emulator');
