// Entry point of one bench worker process (forked by ./workers): measures its share of the cells into the cache and
// reports progress, completion or a readable error to the parent over IPC.

import { VoiceCloneError } from '../../errors';
import { measureShard } from './run';
import type { ShardMessage, ShardRequest } from './workers';

const send = (msg: ShardMessage): Promise<void> => new Promise((resolve) => process.send!(msg, () => resolve()));

process.once('message', (request: ShardRequest) => {
  measureShard(request.options, request.shard, (progress) => void send({ type: 'progress', progress }))
    .then(async ({ measured, written }) => {
      await send({ type: 'done', measured, written });
      process.exit(0);
    })
    .catch(async (e: unknown) => {
      const known = e instanceof VoiceCloneError;
      await send({ type: 'error', code: known ? e.code : null, message: known ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e) });
      process.exit(1);
    });
});
