process.stdout.write("kubevol: the CLI is being built\n");
