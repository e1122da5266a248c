/**
 * Confirmation jobs, enqueued after the booking commits and several at once. The booking's
 * own statement writes its notice row (the durable record: the confirmation exists exactly
 * when the booking commits); the job is only the prompt to send it now. Enqueued inside the
 * booking's transaction it cost a round trip and a pg-boss insert per booking while the
 * session's row was locked; here the notices committed within BATCH_MS go in one job. A
 * batch lost with its process (a crash between the commit and the flush) leaves its notices
 * pending: the reminder scan sweeps them (confirmations.service.ts `sweepNotices`).
 */
import type { Deps } from '../../platform/context';
import type { Jobs } from '../../platform/jobs';
import { sendNoticeJob } from './notice.job';

const BATCH_MS = 20;
const BATCH_MAX = 200;

interface Batch {
  ids: string[];
  timer: NodeJS.Timeout;
}
const batches = new WeakMap<Jobs, Batch>();

function flush(deps: Pick<Deps, 'jobs' | 'log'>): void {
  const batch = batches.get(deps.jobs);
  if (!batch) return;
  batches.delete(deps.jobs);
  clearTimeout(batch.timer);
  if (!deps.jobs.started) return;
  sendNoticeJob.send(deps, { ids: batch.ids }).catch((err: unknown) => {
    // Not lost: the notices stay pending and the sweep sends them.
    deps.log.warn({ err: String(err), notices: batch.ids.length }, 'rendezvous: confirmation batch not enqueued (the sweep will send it)');
  });
}

/** Enqueue the sending of a committed notice (in a batch, a few milliseconds later). */
export function queueNotice(deps: Pick<Deps, 'jobs' | 'log'>, id: string): void {
  if (!deps.jobs.started) return;
  let batch = batches.get(deps.jobs);
  if (!batch) {
    batch = { ids: [], timer: setTimeout(() => flush(deps), BATCH_MS) };
    batches.set(deps.jobs, batch);
  }
  batch.ids.push(id);
  if (batch.ids.length >= BATCH_MAX) flush(deps);
}
