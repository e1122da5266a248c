/** zod schemas of the territory figures (French messages). */
import { z } from 'zod';
import { timestamp } from '../../platform/response-schemas';

export const territoryImportInput = z.object({
  csv: z
    .string({ message: 'Joignez le fichier CSV des chiffres.' })
    .min(1, { message: 'Le fichier est vide.' })
    .max(2_000_000, { message: 'Le fichier est trop gros (2 Mo au plus).' }),
  year: z
    .number({ message: "Indiquez l'année des chiffres." })
    .int({ message: 'Année attendue (par exemple 2021).' })
    .min(1990, { message: "L'année doit être entre 1990 et 2100." })
    .max(2100, { message: "L'année doit être entre 1990 et 2100." }),
  source: z
    .string({ message: 'Indiquez la source des chiffres (par exemple « INSEE, recensement de la population 2021 »).' })
    .trim()
    .min(3, { message: 'Indiquez la source des chiffres (par exemple « INSEE, recensement de la population 2021 »).' })
    .max(500, { message: 'La source est trop longue (500 caractères au plus).' }),
  fileName: z.string().trim().max(255, { message: 'Nom de fichier trop long.' }).nullable().optional(),
});
export const territoryQuery = z.object({
  year: z.coerce.number({ message: 'Année attendue.' }).int({ message: 'Année attendue.' }).min(1990).max(2100).optional(),
  questionnaireId: z.uuid({ message: 'Questionnaire inconnu.' }).optional(),
});

const str = z.string();
const nnum = z.number().nullable();
const importOut = z.object({ id: str, year: z.number(), source: str, fileName: str.nullable(), lines: z.number(), isDemo: z.boolean(), importedAt: timestamp });

export const territoryImportedOut = z.object({
  id: str,
  year: z.number(),
  areas: z.number(),
  values: z.number(),
  columns: z.array(z.object({ header: str, figure: str })),
  ignored: z.array(str),
});
export const territoryOut = z.object({
  years: z.array(z.number()),
  year: nnum,
  source: importOut.nullable(),
  imports: z.array(importOut),
  figures: z.array(z.object({ id: str, label: str, kind: z.enum(['count', 'percent', 'euros']) })),
  areas: z.array(
    z.object({
      area: str,
      name: str,
      values: z.array(z.object({ figure: str, value: z.number(), origin: z.enum(['given', 'iris', 'neighbourhoods']) })),
    }),
  ),
  iris: z.number(),
  ratios: z.array(
    z.object({
      id: str,
      label: str,
      unit: str,
      scale: z.number(),
      rows: z.array(z.object({ area: str, count: z.number(), ratio: nnum })),
    }),
  ),
  survey: z.object({
    questionnaires: z.array(z.object({ id: str, title: str, isDemo: z.boolean() })),
    questionnaire: z
      .object({ id: str, title: str, isDemo: z.boolean(), rows: z.array(z.object({ area: str, respondents: z.number(), per1000: nnum })) })
      .nullable(),
  }),
});
export type Territory = z.infer<typeof territoryOut>;
export type TerritoryImported = z.infer<typeof territoryImportedOut>;

export const indicatorParams = z.object({ id: z.uuid({ message: 'Identifiant invalide.' }) });
export const denominatorInput = z.object({
  figure: z.enum(['familles_monoparentales', 'familles', 'enfants_moins_11'], {
    message: 'Choisissez : familles, familles monoparentales ou enfants de moins de 11 ans.',
  }),
});
export const denominatorOut = denominatorInput;
