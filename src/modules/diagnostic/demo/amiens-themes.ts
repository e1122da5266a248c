/**
 * The sections of the Amiens diagnostic ("LE QUESTIONNAIRE PARENTS SOLO : PROFIL DES
 * RÉPONDANTS / BUDGET ET PRÉCARITÉ / LOGEMENT ET CADRE DE VIE / SANTÉ ET BIEN-ÊTRE /
 * MOBILITÉ"), in amiens-themes.json, applied to the reference questionnaire for the demo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { applyThemes, parseThemes } from '../themes';
import type { Questionnaire } from '../questionnaire';

export const AMIENS_THEMES_FILE = path.join(import.meta.dirname, 'amiens-themes.json');

export const AMIENS_SOURCE = "Données de référence d'Amiens (diagnostic « Parents solo », 86 répondants ; croisements entre questions synthétiques)";

export function withAmiensThemes(qn: Questionnaire): Questionnaire {
  return applyThemes(qn, parseThemes(JSON.parse(fs.readFileSync(AMIENS_THEMES_FILE, 'utf8'))));
}
