// e2e logs only what is worth reading when a test fails.
process.env.LOG_LEVEL ??= 'warn';
