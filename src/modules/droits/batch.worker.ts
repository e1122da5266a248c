/**
 * Worker thread of `relais droits simulate --jsonl --jobs N`: simulates the batches of lines
 * it is sent, in the order it receives them, and answers each with its pieces (batch.ts), the
 * output as UTF-8 bytes it hands over to the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { type BatchOptions, type BatchPiece, type PackedBatch, simulateBatch } from './batch';

export interface BatchRequest {
  seq: number;
  batch: PackedBatch;
  options: BatchOptions;
}
export interface BatchAnswer {
  seq: number;
  pieces: BatchPiece[];
}

parentPort!.on('message', (req: BatchRequest) => {
  const answer: BatchAnswer = { seq: req.seq, pieces: simulateBatch(req.batch, req.options) };
  // The output bytes move to the main thread (transferred, not copied).
  const transfer = answer.pieces.flatMap((p) => ('text' in p ? [p.text.buffer as ArrayBuffer] : []));
  parentPort!.postMessage(answer, transfer);
});
