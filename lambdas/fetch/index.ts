export { createHttpFetcher } from './http-client.js';
export * from './options.js';
export { type ResolveHost } from './url-guard.js';
export { ROBOTS_TOKEN } from './user-agent.js';
