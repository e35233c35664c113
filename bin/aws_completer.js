#!/usr/bin/env node
// Shell completion for `aws` (bash: complete -C aws_completer aws), bundled by scripts/build.mjs.
require('../dist/launch.cjs').launch('aws_completer');
