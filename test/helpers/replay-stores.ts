/**
 * The set-up the change-tracking integration tests share: DynamoDB Local and s3rver (startTestStores) and the replay
 * server of a seeds/replay tree, started once per file, on a simulated clock the test moves (`fx.now = …`); stopped
 * after the file. `onStart` adds what a test needs on the clients (SDK middleware that counts or fails requests).
 */
import { afterAll, beforeAll } from 'vitest';
import { startReplayServer, type ReplayServer } from '../../lambdas/dev/replay/index.js';
import { startTestStores, type TestStores } from './local-stores.js';

export interface ReplayStores {
  stores: TestStores;
  server: ReplayServer;
  /** The simulated time: the replay server serves the tree as of it; tests pass `() => fx.now` as the pipeline clock. */
  now: Date;
}

export function useReplayStores(tree: string, start: Date, onStart?: (stores: TestStores) => void): ReplayStores {
  const fx = { now: start } as ReplayStores;
  beforeAll(async () => {
    fx.stores = await startTestStores();
    fx.server = await startReplayServer(tree, { clock: () => fx.now });
    onStart?.(fx.stores);
  }, 60_000);
  afterAll(async () => {
    await fx.server?.close();
    await fx.stores?.stop();
  });
  return fx;
}
