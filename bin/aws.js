#!/usr/bin/env node
// The `aws` command: everything lives in the bundle built by `npm ci` (scripts/build.mjs).
// CommonJS (see bin/package.json): Node starts it faster than an ES module.
// dist/launch.cjs (src/startup/code-cache.ts) loads it with the V8 code caches the build made.
require('../dist/launch.cjs').launch('aws');
