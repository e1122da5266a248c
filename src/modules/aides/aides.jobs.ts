/** The jobs of the local aids: the reminder of waiting requests (to the assigned agent), the end notices to families, the nightly purge of unreferenced uploads. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { defineJob } from '../../platform/jobs';
import { queueNotification } from '../../platform/notify/outbox';
import { tx } from '../../platform/db/pool';
import { notifyEndings } from './endings.service';
import { waitingLongerThan } from './queue.store';
import { referencedUploads } from './requests.store';

export const REMIND_AFTER_DAYS = 10;

export const remindWaitingJob = defineJob({
  name: 'aides.remind-waiting',
  payload: z.object({ days: z.number().int().min(0).optional() }),
  cron: '0 8 * * 1-5',
  async handler(data, deps) {
    const days = data.days ?? REMIND_AFTER_DAYS;
    const waiting = await waitingLongerThan(deps.db, days, deps.clock.now());
    const byAgent = new Map<string, { email: string; n: number }>();
    for (const w of waiting) {
      if (!w.assignedTo || !w.email) continue;
      const e = byAgent.get(w.assignedTo) ?? { email: w.email, n: 0 };
      e.n++;
      byAgent.set(w.assignedTo, e);
    }
    await tx(deps.db, async (t) => {
      for (const [userId, { email, n }] of byAgent) {
        await queueNotification(t, deps.jobs, {
          channel: 'email',
          recipient: email,
          userId,
          template: 'aides.remind-waiting',
          subject: `${n} demande${n > 1 ? 's' : ''} d'aide en attente depuis plus de ${days} jours`,
          body: `Bonjour,\n\n${n} demande${n > 1 ? 's' : ''} d'aide qui vous ${n > 1 ? 'sont attribuées attendent' : 'est attribuée attend'} depuis plus de ${days} jours.\nRetrouvez-les dans la file des demandes, filtre « en attente depuis plus de ${days} jours ».`,
        });
      }
    });
    deps.log.info({ waiting: waiting.length, agents: byAgent.size }, 'aides reminder');
  },
});

/** Daily: tells the families when an aid they receive, ask for or could get ends, and in December to ask again for a yearly aid. */
export const notifyEndingJob = defineJob({
  name: 'aides.notify-ending',
  cron: '0 7 * * *',
  async handler(_data, deps) {
    const r = await notifyEndings(deps);
    deps.log.info(r, 'aides end notices');
  },
});

/** Nightly: deletes the uploaded files no request references any more (an erased family's, a failed upload's). */
export const purgeUploadsJob = defineJob({
  name: 'aides.purge-uploads',
  cron: '30 3 * * *',
  async handler(_data, deps) {
    const dir = path.join(deps.config.dataDir, 'uploads', 'aides');
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return;
    }
    const kept = new Set(await referencedUploads(deps.db, names));
    // A file written in the last hour may belong to an upload whose transaction is still open.
    const hourAgo = deps.clock.now().getTime() - 3600_000;
    let removed = 0;
    for (const n of names) {
      if (kept.has(n)) continue;
      const st = await fs.stat(path.join(dir, n)).catch(() => null);
      if (!st || st.mtimeMs > hourAgo) continue;
      await fs.rm(path.join(dir, n), { force: true });
      removed++;
    }
    deps.log.info({ removed }, 'aides uploads purge');
  },
});
