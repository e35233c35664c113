#!/usr/bin/env node
// The `aws` command: everything lives in the bundle built from src/ (scripts/build.mjs), started with
// the V8 code caches the build made. CommonJS (see bin/package.json): Node starts it faster.
require('./start.js')('aws');
