import ArgumentParser
public struct ForloebCommand: AsyncParsableCommand { public init() {} }
