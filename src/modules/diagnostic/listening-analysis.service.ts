/**
 * What the listening sessions say, read together: verbatims by theme and neighbourhood with
 * counts, the verbatims beside the questionnaire's results of the same theme, and the quotes a
 * coordinator chose for the report. Every verbatim is read through `shownVerbatims`: signed only
 * with what its speaker consented to, gone as soon as the consent is withdrawn.
 */
import type { Ctx } from '../../platform/context';
import type { Queryable } from '../../platform/db/pool';
import { requireRole } from '../../platform/roles';
import { belongsToSection, themeLabel, themesOfSection, type ListeningTheme } from './listening';
import type { z } from 'zod';
import type { analysisOut, besideOut } from './listening.schemas';
import { LISTENERS, listeningThemes, shownVerbatims } from './listening.service';
import * as store from './listening.store';
import { themesOf, type Questionnaire } from './questionnaire';
import { loadQuestionnaire } from './questionnaires.service';

const NO_HOOD = 'Quartier non communiqué';

export async function getListeningAnalysis(ctx: Ctx): Promise<z.input<typeof analysisOut>> {
  requireRole(ctx, ...LISTENERS);
  const themes = listeningThemes();
  const sessions = (await store.listSessions(ctx.db)).filter((s) => !s.cancelledAt);
  const verbatims = await shownVerbatims(ctx, ctx.db);
  const tags = [...new Set([...themes.map((t) => t.id), ...verbatims.flatMap((v) => v.themes)])];
  const byTheme = tags
    .map((id) => {
      const list = verbatims.filter((v) => v.themes.includes(id));
      return { id, label: themeLabel(themes, id), count: list.length, verbatims: list };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
  const hoods = new Map<string, number>();
  const cross = new Map<string, { theme: string; neighbourhood: string; count: number }>();
  for (const v of verbatims) {
    const hood = v.neighbourhood ?? NO_HOOD;
    hoods.set(hood, (hoods.get(hood) ?? 0) + 1);
    for (const t of v.themes) {
      const key = `${t}|${hood}`;
      const c = cross.get(key) ?? { theme: themeLabel(themes, t), neighbourhood: hood, count: 0 };
      c.count++;
      cross.set(key, c);
    }
  }
  return {
    totals: {
      sessions: sessions.length,
      focusGroups: sessions.filter((s) => s.kind === 'focus_group').length,
      interviews: sessions.filter((s) => s.kind === 'interview').length,
      participants: sessions.reduce((n, s) => n + s.participants, 0),
      attended: sessions.reduce((n, s) => n + s.attended, 0),
      verbatims: verbatims.length,
    },
    byTheme,
    byNeighbourhood: [...hoods.entries()]
      .map(([label, count]) => ({ id: label, label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr')),
    cross: [...cross.values()].sort((a, b) => a.theme.localeCompare(b.theme, 'fr') || b.count - a.count),
  };
}

function sectionsOf(qn: Questionnaire): string[] {
  return themesOf(qn, '')
    .filter((s) => s.theme && !s.questions.every((q) => q.profile))
    .map((s) => s.theme);
}

/** « Ce que disent les parents » beside each section of a questionnaire's results. */
export async function getBeside(ctx: Ctx, questionnaireId: string): Promise<z.input<typeof besideOut>> {
  requireRole(ctx, ...LISTENERS);
  const row = await loadQuestionnaire(ctx.db, questionnaireId);
  const qn = (row.published ?? row.draft)!;
  const themes = listeningThemes();
  const verbatims = await shownVerbatims(ctx, ctx.db);
  return {
    sections: sectionsOf(qn).map((section) => {
      const ids = themesOfSection(themes, section);
      return {
        section,
        themes: ids.map((id) => ({ id, label: themeLabel(themes, id) })),
        verbatims: verbatims.filter((v) => belongsToSection(themes, section, v.themes)),
      };
    }),
  };
}

export interface ReportQuote {
  text: string;
  attribution: string;
}

/** Quotes per report section shown in the report, at most this many in one section. */
export const MAX_QUOTES_PER_SECTION = 12;

/**
 * The verbatims a coordinator put « dans le rapport », placed in the sections of the
 * questionnaire they belong to; those of no section go to « Paroles de parents » at the end.
 * Read at each render: a withdrawn consent is gone from the next report.
 */
export async function reportQuotes(ctx: Ctx, q: Queryable, qn: Questionnaire, themes: ListeningTheme[] = listeningThemes()) {
  const chosen = await shownVerbatims(ctx, q, { inReport: true });
  const sections = sectionsOf(qn);
  const bySection: Record<string, ReportQuote[]> = {};
  const other: ReportQuote[] = [];
  for (const v of chosen) {
    const quote = { text: v.text, attribution: v.attribution };
    const home = sections.filter((s) => belongsToSection(themes, s, v.themes));
    if (!home.length) other.push(quote);
    for (const s of home) (bySection[s] ??= []).push(quote);
  }
  for (const s of Object.keys(bySection)) bySection[s] = bySection[s]!.slice(0, MAX_QUOTES_PER_SECTION);
  return { bySection, other: other.slice(0, MAX_QUOTES_PER_SECTION) };
}
