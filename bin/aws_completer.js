#!/usr/bin/env node
// Shell completion for `aws` (bash: complete -C aws_completer aws), bundled by scripts/build.mjs.
import '../dist/aws_completer.js';
