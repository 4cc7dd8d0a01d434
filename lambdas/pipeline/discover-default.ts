/** The default DiscoverFn: lambdas/discover's link finders, by start-page kind. */
import { discoverLinks } from '../discover/index.js';
import type { DiscoverFn } from './deps.js';

export const defaultDiscover: DiscoverFn = (page, source) => discoverLinks(page.kind, page.text, page.url, source).map((l) => l.url);
