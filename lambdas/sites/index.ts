export { Source, ScheduleExpression, DEFAULT_DELAY_MS, listPageUrls } from './sources-schema.js';
export { loadSources, parseSources, findSourceForUrl, siteHintsForUrl } from './load-sources.js';
export { replaySources, REPLAY_HOSTS } from './replay-sources.js';
