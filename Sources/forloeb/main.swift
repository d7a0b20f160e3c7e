import ForloebCLI

await ForloebCommand.runMain()
