// Tests run quiet: the servers they start log nothing unless LOG_LEVEL asks.
process.env.LOG_LEVEL ??= 'silent';
