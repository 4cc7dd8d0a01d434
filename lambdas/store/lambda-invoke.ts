/** Invokes a deployed Lambda synchronously with a JSON payload (`jsnews backfill --remote`) and returns its answer text. */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { storeCall } from './sdk-errors.js';

export interface InvokeAnswer {
  /** Set when the function threw (Unhandled) rather than returned. */
  functionError?: string;
  text: string;
}

export async function invokeFunction(functionName: string, region: string, payload: unknown): Promise<InvokeAnswer> {
  const lambda = new LambdaClient({ region });
  try {
    const out = await storeCall('Lambda', `invoke ${functionName}`, () =>
      lambda.send(new InvokeCommand({ FunctionName: functionName, InvocationType: 'RequestResponse', Payload: new TextEncoder().encode(JSON.stringify(payload)) })),
    );
    const text = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    return { ...(out.FunctionError ? { functionError: out.FunctionError } : {}), text };
  } finally {
    lambda.destroy();
  }
}
