// Runs dynalite (a pure-JS implementation of the DynamoDB API on an in-memory LevelDB) in its own
// process, for `--in-memory` runs on machines without Java. Started by local-stores.ts; prints
// {"port":N} once listening and exits when its parent closes stdin, so it never outlives it.
//
// dynalite has no transactions. The one the store sends (changes-dynamodb.ts putTrack: a change item
// and a tracking item, two unconditional Puts) is answered here by applying its writes one after the
// other through dynalite. That is not atomic; an in-memory store disappears with its process, so the
// crash between the two writes that the transaction guards against leaves nothing behind to read.
// A transaction with a condition (ConditionExpression, ConditionCheck) is refused, never half-checked.
'use strict';
const http = require('node:http');
const dynalite = require('dynalite');

const TARGET_PREFIX = 'DynamoDB_20120810.';
const JSON_TYPE = 'application/x-amz-json-1.0';

// Table creation and deletion are instant (dynalite's defaults simulate AWS's seconds of CREATING).
const backend = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let backendPort = 0;

function forward(headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: backendPort, method: 'POST', path: '/', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

function reply(res, status, type, message) {
  const body = Buffer.from(JSON.stringify(type ? { __type: `com.amazon.coral.validate#${type}`, message } : {}));
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': String(body.length) });
  res.end(body);
}

/** The write a TransactItems entry stands for, as a single-item request, or null when it is not supported here. */
function singleWrite(entry) {
  if (entry.Put && !entry.Put.ConditionExpression) return ['PutItem', entry.Put];
  if (entry.Delete && !entry.Delete.ConditionExpression) return ['DeleteItem', entry.Delete];
  if (entry.Update && !entry.Update.ConditionExpression) return ['UpdateItem', entry.Update];
  return null;
}

async function transactWrite(headers, body, res) {
  let input;
  try {
    input = JSON.parse(body.toString('utf8'));
  } catch {
    return reply(res, 400, 'SerializationException', 'not JSON');
  }
  const writes = (input.TransactItems || []).map(singleWrite);
  if (writes.length === 0 || writes.includes(null)) {
    return reply(res, 400, 'ValidationException', 'the in-memory store (dynalite) applies TransactWriteItems of unconditional Put/Delete/Update only');
  }
  for (const [op, params] of writes) {
    const out = await forward({ ...headers, 'x-amz-target': TARGET_PREFIX + op }, Buffer.from(JSON.stringify(params)));
    if (out.status !== 200) {
      res.writeHead(out.status, out.headers);
      return res.end(out.body);
    }
  }
  reply(res, 200, null);
}

const front = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const done = (err) => reply(res, 500, 'InternalServerError', String(err && err.message));
    if (req.headers['x-amz-target'] === `${TARGET_PREFIX}TransactWriteItems`) return transactWrite(req.headers, body, res).catch(done);
    forward(req.headers, body).then((out) => {
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    }, done);
  });
});

const failed = (err) => {
  process.stderr.write(`dynalite failed to start: ${err && err.message}\n`);
  process.exit(1);
};
backend.on('error', failed);
front.on('error', failed);
backend.listen(0, '127.0.0.1', () => {
  backendPort = backend.address().port;
  front.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: front.address().port })}\n`));
});
// In memory there is nothing to flush: exit at once (keep-alive client connections would hold a graceful close).
const shutdown = () => process.exit(0);
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
