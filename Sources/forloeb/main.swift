import ForloebCLI
await ForloebCommand.main()
