/** `relais attribution run FILE.json [--dry-run] [--weights W.json]` — thin: read, check, allocate, print (and store). */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Runtime } from '../../platform/runtime';
import { allocate, withWeights } from './allocate';
import { KINDS } from './attribution.schemas';
import type { CampaignKind } from './attribution.store';
import { allocationFile, parseCampaign, parseWeights, type FileError } from './campaign-file';
import { importCampaign } from './import.service';

function readJson(file: string): { ok: true; raw: string; value: unknown } | { ok: false; message: string } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return { ok: false, message: `${file} : fichier introuvable ou illisible.` };
  }
  try {
    return { ok: true, raw, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, message: `${file} : JSON invalide (${(e as Error).message}).` };
  }
}

function refuse(file: string, errors: FileError[]): void {
  for (const e of errors) console.error(`${file} : ${e.path || '(racine)'} : ${e.message}`);
  console.log(JSON.stringify({ errors }, null, 2));
  process.exitCode = 2;
}

export function registerAttributionCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('attribution').description('Attribution des places (crèche, mercredis, vacances, répit)');

  g.command('run')
    .description('Classer les demandes d’un fichier de campagne et afficher le résultat en JSON (et l’enregistrer, sauf --dry-run)')
    .argument('<file>', 'fichier de campagne JSON { groups, criteria, applications }')
    .option('--dry-run', 'ne rien enregistrer')
    .option('--weights <file>', 'fichier JSON { critère: poids } qui remplace les poids')
    .option('--kind <kind>', `type de campagne enregistrée (${KINDS.join(', ')})`, 'activites')
    .action(async (file: string, opts: { dryRun?: boolean; weights?: string; kind: string }) => {
      if (!(KINDS as readonly string[]).includes(opts.kind)) {
        console.error(`Type de campagne inconnu : « ${opts.kind} » (${KINDS.join(', ')}).`);
        process.exitCode = 2;
        return;
      }
      const read = readJson(file);
      if (!read.ok) return refuse(file, [{ path: '', message: read.message }]);
      const parsed = parseCampaign(read.value);
      if (!parsed.ok) return refuse(file, parsed.errors);
      let campaign = parsed.value;
      if (opts.weights) {
        const w = readJson(opts.weights);
        if (!w.ok) return refuse(opts.weights, [{ path: '', message: w.message }]);
        const weights = parseWeights(w.value, campaign);
        if (!weights.ok) return refuse(opts.weights, weights.errors);
        campaign = withWeights(campaign, weights.value);
      }
      const allocation = allocate(campaign);
      if (!opts.dryRun) {
        const rt = await boot();
        try {
          const r = await importCampaign(rt.systemCtx(), {
            name: path.basename(file),
            raw: read.raw + JSON.stringify(campaign.criteria),
            campaign,
            allocation,
            kind: opts.kind as CampaignKind,
          });
          console.error(r.created ? 'Campagne enregistrée.' : 'Campagne déjà enregistrée (même fichier, mêmes poids) : rien de nouveau.');
        } finally {
          await rt.close();
        }
      }
      console.log(JSON.stringify(allocationFile(allocation), null, 2));
    });
}
