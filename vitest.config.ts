import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests run the real `jsnews` bin, which runs the built CLI: build it from this checkout first.
    globalSetup: ['test/helpers/build-cli.ts'],
    // Integration tests start DynamoDB Local (a JVM) and s3rver; give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
