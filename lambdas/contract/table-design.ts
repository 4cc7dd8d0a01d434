/**
 * The single-table design of the records table: item kinds, key shapes and the GSIs that serve every
 * access pattern with a Query (never a Scan). Documented for humans in docs/table-design.md; keep both
 * in sync. Key builders live here so writers (records-dynamodb.ts, failures.ts) and readers
 * (lambdas/read/) can never disagree about a key.
 */
import { sha256Hex } from './hashing.js';

/** The shape of a GSI as CreateTable and CloudFormation take it (declared here so the contract needs no SDK). */
export interface GlobalSecondaryIndex {
  IndexName: string;
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  Projection: { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] };
}

/** Number of 16-bit bands a 64-bit simhash is cut into. Two texts within Hamming distance 3 share ≥1 band (pigeonhole: 4 bands > 3 differing bits). */
export const SIMHASH_BANDS = 4;
/** Hex digits per band (16 bits). */
export const SIMHASH_BAND_HEX = 4;

export const ITEM_KIND = {
  record: 'record',
  urlState: 'url-state',
  failure: 'failure',
  track: 'track',
  version: 'version',
  change: 'change',
  fetchPointer: 'fetch-pointer',
  pointerSource: 'pointer-source',
  hostLease: 'host-lease',
} as const;

/** GSI names, by the access pattern they serve. Index attributes are overloaded only where noted. */
export const GSI = {
  /** record by fetch URL: GSI1PK = URL#<sha256(url)>. */
  byUrl: 'GSI1',
  /** a site's records by date (records) / due failures of a source (failures) / a site's changes (changes): overloaded. */
  bySiteDate: 'GSI2',
  /** all records of a day (China time) / tracked articles of a source by next revisit (tracking items): overloaded. */
  byDay: 'GSI3',
  /** records of a city by date (sparse: only records with a city). */
  byCityDate: 'GSI4',
  /** records of one story: originalUrl, or the record's own canonical URL. */
  byStory: 'GSI5',
  /** simhash bands 0..3 (sparse: only records with non-empty text and no day partition, and items written before). */
  band0: 'GSI6',
  band1: 'GSI7',
  band2: 'GSI8',
  band3: 'GSI9',
} as const;

export const BAND_INDEXES = [GSI.band0, GSI.band1, GSI.band2, GSI.band3] as const;

export const keys = {
  record: (id: string) => ({ PK: `REC#${id}`, SK: 'REC' }),
  urlState: (url: string) => ({ PK: `URL#${sha256Hex(url)}`, SK: 'STATE' }),
  failure: (sourceId: string, url: string) => ({ PK: `FAIL#${sourceId}`, SK: `URL#${sha256Hex(url)}` }),
  failurePartition: (sourceId: string) => `FAIL#${sourceId}`,
  urlIndex: (url: string) => `URL#${sha256Hex(url)}`,
  sitePartition: (host: string) => `SITE#${host.toLowerCase()}`,
  dueFailurePartition: (sourceId: string) => `DUE#${sourceId}`,
  dayPartition: (day: string) => `DAY#${day}`,
  cityPartition: (city: string) => `CITY#${city}`,
  storyPartition: (url: string) => `STORY#${sha256Hex(url)}`,
  /** The same partition from the URL's hash (a record's id is the hash of its canonical URL). */
  storyPartitionOfHash: (hash: string) => `STORY#${hash}`,
  bandPartition: (band: number, hex4: string) => `B${band}#${hex4}`,
  track: (id: string) => ({ PK: `REC#${id}`, SK: 'TRACK' }),
  version: (id: string, n: number) => ({ PK: `REC#${id}`, SK: `VER#${String(n).padStart(6, '0')}` }),
  versionPrefix: 'VER#',
  recordPartition: (id: string) => `REC#${id}`,
  /** Changes by China day of detection; SK `<detectedAt>#<id>#<kind>`. */
  changeDayPartition: (day: string) => `CHG#${day}`,
  changeSort: (detectedAt: string, id: string, kind: string) => `${detectedAt}#${id}#${kind}`,
  /** GSI2 partition of a site's changes. */
  changeSitePartition: (host: string) => `CHGSITE#${host.toLowerCase()}`,
  /** GSI3 partition of a source's tracked articles; GSI3SK `<nextRevisitAt>#<id>`. */
  revisitPartition: (sourceId: string) => `REVISIT#${sourceId}`,
  /** Fetch pointers of a source (store/pointers-dynamodb.ts); SK `<China day>#<sha256(url)>`. */
  pointerPartition: (sourceId: string) => `PTR#${sourceId}`,
  fetchPointer: (sourceId: string, day: string, urlHash: string) => ({ PK: `PTR#${sourceId}`, SK: `${day}#${urlHash}` }),
  /** One item per source that ever wrote a fetch pointer: "every source" is one Query. */
  pointerSourcePartition: 'PTRSRC',
  pointerSource: (sourceId: string) => ({ PK: 'PTRSRC', SK: sourceId }),
  /** The politeness lease of one URL host (host[:port], lower case): when the next fetch of it may start (store/host-lease-dynamodb.ts). */
  hostLease: (host: string) => ({ PK: `LEASE#${host.toLowerCase()}`, SK: 'LEASE' }),
} as const;

/** A URL's last successful fetch: the validators of the next conditional GET, the body's sha256, the record it gave. */
export interface UrlState {
  url: string;
  sourceId: string;
  etag: string | null;
  lastModified: string | null;
  sha256: string;
  fetchedAt: string;
  recordId: string | null;
}

/**
 * Where ingest's URL state of a fetched URL lives: a URL whose sha256 is the id of the record it gave (its canonical
 * URL, every page of the cost bench) keeps it in that record's tracking item (`REC#<id>` / `TRACK`, these
 * attributes: written with the first tracking item, updated in it by later fetches), found again by the same hash;
 * any other URL keeps its own `URL#` / `STATE` item. Saves one write unit a fresh page and one read a known one
 * (issue 13). Null: the URL keeps its own item.
 */
export function trackUrlState(state: Omit<UrlState, 'sourceId'>) {
  if (state.recordId === null || sha256Hex(state.url) !== state.recordId) return null;
  return { urlEtag: state.etag, urlLastModified: state.lastModified, urlSha256: state.sha256, urlFetchedAt: state.fetchedAt };
}

/**
 * The URL state a tracking item holds for `url` (trackUrlState; the item's id is sha256(url)), or null when it holds
 * none (no item, or one written before the state moved there: the URL's own `URL#` item, if any, has it). The
 * tracking item is read first: a URL's later states go there too, so an older `URL#` item never hides them.
 */
export function urlStateInTrack(url: string, item: Record<string, unknown> | null | undefined): UrlState | null {
  if (typeof item?.urlSha256 !== 'string' || typeof item.urlFetchedAt !== 'string') return null;
  const etag = item.urlEtag as string | null | undefined;
  const lastModified = item.urlLastModified as string | null | undefined;
  return { url, sourceId: String(item.sourceId), etag: etag ?? null, lastModified: lastModified ?? null, sha256: item.urlSha256, fetchedAt: item.urlFetchedAt, recordId: sha256Hex(url) };
}

/** An item without its table and index keys and its item kind: what the store ports hand out. */
export function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'PK' || k === 'SK' || k === 'kind' || /^GSI\d+(PK|SK)$/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** The four 16-bit bands of a 16-hex-digit simhash. */
export function simhashBands(simhash: string): string[] {
  const bands: string[] = [];
  for (let i = 0; i < SIMHASH_BANDS; i++) bands.push(simhash.slice(i * SIMHASH_BAND_HEX, (i + 1) * SIMHASH_BAND_HEX));
  return bands;
}

const S = 'S' as const;
/** The table's key attributes (partition, sort): every item's identity, e.g. for BatchWriteItem's one request a key. */
export const TABLE_KEY_ATTRIBUTES = ['PK', 'SK'] as const;
const keyAttrs = (pk: string, sk: string) => [
  { AttributeName: pk, KeyType: 'HASH' as const },
  { AttributeName: sk, KeyType: 'RANGE' as const },
];

function gsi(name: string, n: number, projection: GlobalSecondaryIndex['Projection']): GlobalSecondaryIndex {
  return { IndexName: name, KeySchema: keyAttrs(`GSI${n}PK`, `GSI${n}SK`), Projection: projection };
}

/** Band indexes only carry what the Hamming filter needs; the records themselves are fetched by key. */
const BAND_PROJECTION: GlobalSecondaryIndex['Projection'] = {
  ProjectionType: 'INCLUDE',
  NonKeyAttributes: ['simhash', 'recordId'],
};
const KEYS_ONLY: GlobalSecondaryIndex['Projection'] = { ProjectionType: 'KEYS_ONLY' };
/**
 * GSI3 (a day's records; a source's revisit schedule) carries the simhash: the repost query compares it over
 * the day partitions around a record's day (records-dynamodb.ts REPOST_WINDOW_DAYS) instead of four band
 * entries a record. ~25 bytes on an entry of ~200: still one write unit; tracking items have no simhash.
 */
const DAY_PROJECTION: GlobalSecondaryIndex['Projection'] = { ProjectionType: 'INCLUDE', NonKeyAttributes: ['simhash'] };
/**
 * GSI2 is overloaded: a site's records (read by key: Query for ids, then BatchGet) and the due failures of a
 * source, read straight from the index. So it carries the failure attributes and nothing of a record: a
 * record's entry costs one write unit instead of a second copy of the record (cost bench: 13.4 WRU/page).
 */
const FAILURE_ATTRIBUTES = ['sourceId', 'url', 'stage', 'code', 'reason', 'retryable', 'status', 'attempts', 'firstFailedAt', 'lastFailedAt', 'nextRetryAt'] as const;
const SITE_AND_DUE_PROJECTION: GlobalSecondaryIndex['Projection'] = { ProjectionType: 'INCLUDE', NonKeyAttributes: [...FAILURE_ATTRIBUTES] };

/** Table definition (on-demand). The CDK stack must declare the same keys and indexes (see docs/table-design.md). */
export function tableDefinition(tableName: string) {
  const indexNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: keyAttrs(...TABLE_KEY_ATTRIBUTES),
    AttributeDefinitions: [
      { AttributeName: 'PK', AttributeType: S },
      { AttributeName: 'SK', AttributeType: S },
      ...indexNumbers.flatMap((n) => [
        { AttributeName: `GSI${n}PK`, AttributeType: S },
        { AttributeName: `GSI${n}SK`, AttributeType: S },
      ]),
    ],
    GlobalSecondaryIndexes: [
      gsi(GSI.byUrl, 1, KEYS_ONLY),
      gsi(GSI.bySiteDate, 2, SITE_AND_DUE_PROJECTION),
      gsi(GSI.byDay, 3, DAY_PROJECTION),
      gsi(GSI.byCityDate, 4, KEYS_ONLY),
      gsi(GSI.byStory, 5, KEYS_ONLY),
      gsi(GSI.band0, 6, BAND_PROJECTION),
      gsi(GSI.band1, 7, BAND_PROJECTION),
      gsi(GSI.band2, 8, BAND_PROJECTION),
      gsi(GSI.band3, 9, BAND_PROJECTION),
    ],
  };
}
