export { startReplayServer, replayFetcherOptions, type ReplayServer, type ReplayLogEntry } from './replay-server.js';
