import type { S3Client } from '@aws-sdk/client-s3';

/** One S3 command sent: its name and, for a ranged GET, the Range header; for a PUT, the key. */
export interface S3Call {
  name: string;
  range?: string;
  key?: string;
}

/** The S3 commands `s3` sends while `fn` runs (name and Range header), counted by client middleware. */
export async function s3Calls<T>(s3: S3Client, fn: () => Promise<T>): Promise<{ result: T; calls: S3Call[] }> {
  const calls: S3Call[] = [];
  const name = `count-${Math.random()}`;
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const { Range: range, Key: key } = args.input as { Range?: string; Key?: string };
      const commandName = String(context.commandName);
      calls.push({ name: commandName, ...(range ? { range } : {}), ...(commandName === 'PutObjectCommand' && key ? { key } : {}) });
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
