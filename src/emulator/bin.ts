// `aws-ipam-emulator`: the local IPAM endpoint (work in progress, see issue 3).
process.stderr.write('aws-ipam-emulator: not built yet\n');
process.exit(1);
