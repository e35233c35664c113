#!/usr/bin/env node
// Shell completion for `aws` (bash: complete -C aws_completer aws), bundled by scripts/build.mjs.
require('./start.js')('aws_completer');
