import { main } from './lambdas/cli/run.js';
process.exitCode = await main(process.argv.slice(2));
