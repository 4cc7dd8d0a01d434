/**
 * The typed read API over the records table, for programs that consume jsnews output:
 *
 *   const reader = await openReader(loadConfig());
 *   const today = await reader.byDay('2024-02-20');
 *   await reader.close();
 *
 * One method per access pattern; each is a GetItem or Query (never a Scan). With no AWS
 * configuration the reader starts the embedded local stores over .jsnews/local and stops them on close().
 */
import type { AppConfig } from '../contract/config.js';
import { openStores } from '../dev/open-stores.js';
import type { NewsRecord } from '../contract/record.js';
import type { FailureItem } from '../store/ports.js';
import type { DateRange, RepostMatch } from '../store/records-dynamodb.js';
import type { Stores } from '../store/stores.js';

export type { DateRange, RepostMatch } from '../store/records-dynamodb.js';
export type { FailureItem } from '../store/ports.js';
export { REPOST_MAX_HAMMING } from '../store/records-dynamodb.js';

export interface Reader {
  byId(id: string): Promise<NewsRecord | null>;
  byUrl(url: string): Promise<NewsRecord[]>;
  /** A site's records, newest first, in a China-day range (inclusive; either end may be open). */
  bySite(host: string, range?: DateRange, limit?: number): Promise<NewsRecord[]>;
  /** All records filed under one China day (published, else fetched). */
  byDay(day: string, limit?: number): Promise<NewsRecord[]>;
  /** Records about a city ("镇江" or "镇江市"), newest first. */
  byCity(city: string, range?: DateRange, limit?: number): Promise<NewsRecord[]>;
  /** Reposts of a record's story: same originalUrl, or simhash within `maxHamming` bits. */
  repostsOf(id: string, maxHamming?: number): Promise<RepostMatch[]>;
  /** Every recorded failure of a source. */
  failuresOf(sourceId: string): Promise<FailureItem[]>;
  close(): Promise<void>;
}

/** A reader over already-open stores (the caller owns their lifetime). */
export function createReader(stores: Stores, close: () => Promise<void> = async () => {}): Reader {
  const { records, failures } = stores;
  return {
    byId: (id) => records.byId(id),
    byUrl: (url) => records.byUrl(url),
    bySite: (host, range = {}, limit) => records.bySite(host, range, limit),
    byDay: (day, limit) => records.byDay(day, limit),
    byCity: (city, range = {}, limit) => records.byCity(city, range, limit),
    repostsOf: (id, maxHamming) => records.repostsOf(id, maxHamming),
    failuresOf: (sourceId) => failures.listBySource(sourceId),
    close,
  };
}

export async function openReader(config: AppConfig): Promise<Reader> {
  const opened = await openStores(config);
  return createReader(opened.stores, () => opened.close());
}
