export { Source, SourceList, StartPage, StartPageKind, Politeness, ScheduleExpression, DEFAULT_DELAY_MS, listPageUrls } from './sources-schema.js';
export type { SourceInput } from './sources-schema.js';
export { loadSources, parseSources, findSourceForUrl, siteHintsForUrl, formatIssues } from './load-sources.js';
export { replaySources, REPLAY_HOSTS } from './replay-sources.js';
export { SOURCES } from './sources.js';
