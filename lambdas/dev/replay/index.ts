export { startReplayServer, replayFetcherOptions, type ReplayServer, type ReplayServerOptions, type ReplayLogEntry } from './replay-server.js';
export { loadManifest, ReplayManifest, ReplaySite, PathBehaviour, MANIFEST_FILE } from './manifest.js';
