#!/usr/bin/env node
// The local IPAM endpoint (src/emulator/), bundled by scripts/build.mjs.
import '../dist/aws-ipam-emulator.js';
