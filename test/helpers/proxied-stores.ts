/**
 * DynamoDB Local and s3rver with a fault proxy in front of each, and SDK clients that talk through the proxies with
 * the given (short) timeouts: the set-up every store-fault test needs.
 */
import { LOCAL_REGION } from '../../lambdas/contract/config.js';
import { makeClients, type StoreClients, type StoreTimeouts } from '../../lambdas/store/clients.js';
import { endpointTarget, startFaultProxy, type FaultProxy } from './fault-proxy.js';
import { startTestStores, type TestStores } from './local-stores.js';

export interface ProxiedStores {
  env: TestStores;
  dynamoProxy: FaultProxy;
  s3Proxy: FaultProxy;
  /** Clients whose every request goes through the proxies. */
  clients: StoreClients;
  stop(): Promise<void>;
}

export async function startProxiedStores(timeouts: StoreTimeouts): Promise<ProxiedStores> {
  const env = await startTestStores();
  const dynamoProxy = await startFaultProxy(endpointTarget(env.local.dynamo.endpoint));
  const s3Proxy = await startFaultProxy(endpointTarget(env.local.s3.endpoint));
  const clients = makeClients({ mode: 'local', region: LOCAL_REGION, dynamoEndpoint: dynamoProxy.endpoint, s3Endpoint: s3Proxy.endpoint, timeouts });
  return {
    env,
    dynamoProxy,
    s3Proxy,
    clients,
    async stop() {
      clients.destroy();
      await dynamoProxy.close();
      await s3Proxy.close();
      await env.stop();
    },
  };
}
