#!/usr/bin/env node
// The local IPAM endpoint (src/emulator/), bundled by scripts/build.mjs.
require('./start.js')('aws-ipam-emulator');
