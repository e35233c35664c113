#!/usr/bin/env node
// The `aws` command: everything lives in the bundle built by `npm ci` (scripts/build.mjs).
// CommonJS (see bin/package.json): Node starts it faster than an ES module.
require('../dist/aws.cjs');
