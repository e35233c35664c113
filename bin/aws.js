#!/usr/bin/env node
// The `aws` command: everything lives in the bundle built by `npm ci` (scripts/build.mjs).
import '../dist/aws.js';
