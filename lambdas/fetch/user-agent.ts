/** Our User-Agent: product token + version + where to find us, so site owners can reach us. */
import pkg from '../../package.json' with { type: 'json' };

/** The product token robots.txt groups are matched against (`User-agent: jsnews`). */
export const ROBOTS_TOKEN = 'jsnews';

/** e.g. `jsnews/0.1.0 (+https://github.com/jsnews; contact via README)`. */
export const DEFAULT_USER_AGENT = `${ROBOTS_TOKEN}/${pkg.version} (+https://github.com/jsnews; contact via README)`;

/** The product token of a User-Agent string (`jsnews/0.1.0 (...)` → `jsnews`), lower-cased as RFC 9309 matches it. */
export function productToken(userAgent: string): string {
  return (userAgent.split(/[/\s]/)[0] ?? userAgent).toLowerCase();
}
