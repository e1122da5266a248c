/**
 * Worker thread of `relais droits simulate --jsonl --jobs N`: simulates the batches of lines
 * it is sent, in the order it receives them, and answers each with its pieces (batch.ts).
 */
import { parentPort } from 'node:worker_threads';
import { type BatchLine, type BatchOptions, type BatchPiece, simulateBatch } from './batch';

export interface BatchRequest {
  seq: number;
  lines: BatchLine[];
  options: BatchOptions;
}
export interface BatchAnswer {
  seq: number;
  pieces: BatchPiece[];
}

parentPort!.on('message', (req: BatchRequest) => {
  const answer: BatchAnswer = { seq: req.seq, pieces: simulateBatch(req.lines, req.options) };
  parentPort!.postMessage(answer);
});
