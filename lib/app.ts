/**
 * CDK entry (`cdk.json` runs it with tsx). Reads context, builds one environment-agnostic stack per
 * stage, and runs cdk-nag's AWS Solutions checks over it.
 *
 *   npx cdk synth -c stage=prod -c sources=./my-sources.json -c schedules='{"jschina-jsnews":"rate(2 hours)"}'
 */
import { resolve } from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from './nag.js';
import { JsnewsStack } from './jsnews-stack.js';
import { scheduledSources } from './sources.js';
import { CONTEXT_KEYS, parseStackConfig } from './stack-config.js';

/** Builds the app from context values; exported so tests synthesize exactly what `cdk synth` does. */
export function buildApp(app: App = new App()): { app: App; stack: JsnewsStack } {
  const context = Object.fromEntries(CONTEXT_KEYS.map((k) => [k, app.node.tryGetContext(k)]));
  const config = parseStackConfig(context);
  const sources = scheduledSources(config);
  const stack = new JsnewsStack(app, `Jsnews-${config.stage}`, {
    config,
    sources,
    sourcesFile: config.sources ? resolve(config.sources) : undefined,
    description: `jsnews scraper (${config.stage}): archive, records table, fetch pipeline`,
  });
  Tags.of(stack).add('project', 'jsnews');
  Tags.of(stack).add('stage', config.stage);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

// Run when executed as the CDK app, not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  buildApp().app.synth();
}
