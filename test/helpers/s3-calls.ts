import type { S3Client } from '@aws-sdk/client-s3';

/** One S3 command sent: its name and, for a ranged GET, the Range header. */
export interface S3Call {
  name: string;
  range?: string;
}

/** The S3 commands `s3` sends while `fn` runs (name and Range header), counted by client middleware. */
export async function s3Calls<T>(s3: S3Client, fn: () => Promise<T>): Promise<{ result: T; calls: S3Call[] }> {
  const calls: S3Call[] = [];
  const name = `count-${Math.random()}`;
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const range = (args.input as { Range?: string }).Range;
      calls.push({ name: String(context.commandName), ...(range ? { range } : {}) });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await fn(), calls };
  } finally {
    s3.middlewareStack.remove(name);
  }
}
