/**
 * Small per-site hints for the normalizer: the site's own name and, where its template is known, the article
 * container. A profile is a shortcut, never a requirement: the generic path must work without it (the seed tests
 * run once with profiles switched off too).
 */

export interface SiteProfile {
  /** Host suffixes the profile applies to. */
  hosts: string[];
  name: string;
  /** CSS selector of the article body container in the site's template, tried first. */
  bodySelector?: string;
}

export const SITE_PROFILES: readonly SiteProfile[] = [
  // 中国江苏网 (jschina.com.cn): TRS WCM templates put the article in .TRS_Editor / #content.
  { hosts: ['jschina.com.cn'], name: '中国江苏网', bodySelector: '.TRS_Editor, #content .text, .article-content' },
];

let profilesEnabled = true;

/** For tests: run the generic path with every profile switched off. */
export function setSiteProfilesEnabled(enabled: boolean): void {
  profilesEnabled = enabled;
}

export function findSiteProfile(url: string | null | undefined): SiteProfile | null {
  if (!url || !profilesEnabled) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return SITE_PROFILES.find((p) => p.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}
