/**
 * The evaluation of an experiment ("bilan de l'expérimentation", Dijon axe 4 i):
 * families reached, satisfaction, participation by neighbourhood, persistent obstacles.
 * Built from the indicators' snapshotted values; rendered as printable HTML. Pure.
 */
import { escapeHtml, historySvg, type HistoryPoint } from './history-chart';
import { periodLabel } from './periods';
import { formatNumber, standing } from './progress';
import { townHistory } from './town-values';
import type { EvaluationRow } from './evaluation.store';
import type { IndicatorRow, ValueRow } from './pilotage.store';

export interface EvaluationData {
  evaluation: Omit<EvaluationRow, 'updatedAt'>;
  town: string;
  plan: { title: string; isDemo: boolean };
  action: { title: string; leadService: string; partners: string[]; status: string };
  neighbourhoods: { id: string; name: string }[];
  indicators: IndicatorRow[];
  values: ValueRow[];
  generatedAt: string;
}

export interface EvaluationFigures {
  reached: { label: string; unit: string; total: number | null; months: HistoryPoint[] } | null;
  satisfaction: { label: string; unit: string; value: number | null; base: number | null; period: string | null } | null;
  participation: { label: string; unit: string; rows: { id: string; name: string; value: number }[]; total: number } | null;
}

function inRange(v: ValueRow, e: { periodFrom: string; periodTo: string }): boolean {
  return v.period >= e.periodFrom && v.period <= e.periodTo;
}

export function evaluationFigures(d: EvaluationData): EvaluationFigures {
  const e = d.evaluation;
  const ind = (id: string | null) => (id ? (d.indicators.find((i) => i.id === id) ?? null) : null);
  const vals = (id: string) => d.values.filter((v) => v.indicatorId === id && inRange(v, e));

  const r = ind(e.reachedIndicatorId);
  const reachedMonths = r ? townHistory(r, vals(r.id)) : [];
  const s = ind(e.satisfactionIndicatorId);
  const sLast = s
    ? (vals(s.id)
        .filter((v) => v.neighbourhood === '*')
        .sort((a, b) => a.period.localeCompare(b.period))
        .at(-1) ?? null)
    : null;
  const p = ind(e.participationIndicatorId);
  let participation: EvaluationFigures['participation'] = null;
  if (p) {
    const sums = new Map<string, number>();
    for (const v of vals(p.id)) if (v.neighbourhood !== '*') sums.set(v.neighbourhood, (sums.get(v.neighbourhood) ?? 0) + v.value);
    const rows = d.neighbourhoods.map((n) => ({ id: n.id, name: n.name, value: sums.get(n.id) ?? 0 }));
    if (sums.has('?')) rows.push({ id: '?', name: 'Quartier non renseigné', value: sums.get('?')! });
    participation = { label: p.label, unit: p.unit, rows, total: rows.reduce((a, x) => a + x.value, 0) };
  }
  return {
    reached: r
      ? { label: r.label, unit: r.unit, total: reachedMonths.length ? reachedMonths.reduce((a, x) => a + x.value, 0) : null, months: reachedMonths }
      : null,
    satisfaction: s ? { label: s.label, unit: s.unit, value: sLast?.value ?? null, base: sLast?.base ?? null, period: sLast?.period ?? null } : null,
    participation,
  };
}

const para = (text: string) =>
  text.trim()
    ? text
        .split(/\n{2,}/)
        .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
        .join('')
    : '<p class="muted">Non renseigné.</p>';

export function evaluationHtml(d: EvaluationData): string {
  const e = d.evaluation;
  const f = evaluationFigures(d);
  const period = `${periodLabel(e.periodFrom)} – ${periodLabel(e.periodTo)}`;
  const undefinedIndicator = '<p class="muted">Indicateur à définir : aucun indicateur n’est choisi pour cette rubrique.</p>';

  const reached = !f.reached
    ? undefinedIndicator
    : f.reached.total === null
      ? `<p class="muted">${escapeHtml(f.reached.label)} : pas encore de valeur sur la période.</p>`
      : `<p class="figure">${escapeHtml(formatNumber(f.reached.total, f.reached.unit))}</p>
       <p class="muted">${escapeHtml(f.reached.label)} — total des mois de la période.</p>
       ${
         f.reached.months.length
           ? `<div class="chart-and-table">${historySvg(f.reached.months, { target: null, title: f.reached.label })}
       <table><caption>${escapeHtml(f.reached.label)} par mois</caption><thead><tr><th scope="col">Mois</th><th scope="col" class="num">Valeur</th></tr></thead>
       <tbody>${f.reached.months.map((m) => `<tr><td>${escapeHtml(periodLabel(m.period))}</td><td class="num">${escapeHtml(formatNumber(m.value))}</td></tr>`).join('')}</tbody></table></div>`
           : ''
       }`;

  const satisfaction = !f.satisfaction
    ? undefinedIndicator
    : f.satisfaction.value === null
      ? `<p class="muted">${escapeHtml(f.satisfaction.label)} : pas encore de valeur sur la période.</p>`
      : `<p class="figure">${escapeHtml(formatNumber(f.satisfaction.value, f.satisfaction.unit))}</p>
         <p class="muted">${escapeHtml(f.satisfaction.label)}${f.satisfaction.base !== null ? `, sur ${f.satisfaction.base} répondant(s)` : ''} (${escapeHtml(periodLabel(f.satisfaction.period!))}).</p>`;

  const max = f.participation ? Math.max(1, ...f.participation.rows.map((r) => r.value)) : 1;
  const participation = !f.participation
    ? undefinedIndicator
    : f.participation.total === 0
      ? `<p class="muted">${escapeHtml(f.participation.label)} : pas encore de valeur sur la période.</p>`
      : `<p class="muted">${escapeHtml(f.participation.label)} — somme des mois de la période, par quartier (total : ${escapeHtml(formatNumber(f.participation.total, f.participation.unit))}).</p>
       <div class="chart-and-table"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 ${f.participation.rows.length * 24 + 4}" width="420" aria-hidden="true" focusable="false">
       ${f.participation.rows.map((r, i) => `<text x="120" y="${i * 24 + 16}" text-anchor="end" font-size="11">${escapeHtml(r.name.slice(0, 20))}</text><rect x="126" y="${i * 24 + 5}" height="14" width="${((200 * r.value) / max).toFixed(1)}" fill="#1d4ed8"/><text x="${(130 + (200 * r.value) / max).toFixed(1)}" y="${i * 24 + 16}" font-size="11">${escapeHtml(formatNumber(r.value))}</text>`).join('')}
       </svg>
       <table><caption>Participation par quartier</caption><thead><tr><th scope="col">Quartier</th><th scope="col" class="num">${escapeHtml(f.participation.unit || 'Valeur')}</th></tr></thead>
       <tbody>${f.participation.rows.map((r) => `<tr><td>${escapeHtml(r.name)}</td><td class="num">${escapeHtml(formatNumber(r.value))}</td></tr>`).join('')}</tbody></table></div>`;

  const others = d.indicators.map((i) => {
    const last =
      townHistory(
        i,
        d.values.filter((v) => v.indicatorId === i.id && inRange(v, e)),
      ).at(-1) ?? null;
    const st = standing(last?.value ?? null, i.target, i.baseline, i.direction);
    return `<tr><td>${escapeHtml(i.label)}</td><td class="num">${escapeHtml(formatNumber(i.baseline, i.unit))}</td><td class="num">${i.target === null ? 'à définir' : escapeHtml(formatNumber(i.target, i.unit))}</td><td class="num">${escapeHtml(formatNumber(last?.value ?? null, i.unit))}</td><td>${escapeHtml(st.label)}</td></tr>`;
  });

  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(e.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f29;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid #1d4ed8;padding-bottom:.2rem;margin-top:2rem}
.muted{color:#4a5060}.figure{font-size:1.8rem;font-weight:700;margin:.2rem 0}.demo{display:inline-block;background:#fff4d6;border:1px solid #8a4b00;color:#5c3200;padding:.1rem .5rem;border-radius:4px;font-size:.85rem}
table{border-collapse:collapse;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.2rem 0}th,td{border:1px solid #c8ccd6;padding:.3rem .5rem;text-align:left}.num{text-align:right;font-variant-numeric:tabular-nums}
.chart-and-table table{min-width:16rem}.chart-and-table{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.chart-and-table,table{break-inside:avoid}}
</style></head><body>
<header>
${d.plan.isDemo ? '<p><span class="demo">Exemple de démonstration</span></p>' : ''}
<h1>${escapeHtml(e.title)}</h1>
<p class="muted">Bilan de l'expérimentation — ${escapeHtml(period)}</p>
<dl><dt>Plan</dt><dd>${escapeHtml(d.plan.title)}</dd><dt>Action</dt><dd>${escapeHtml(d.action.title)}</dd>
<dt>Service pilote</dt><dd>${escapeHtml(d.action.leadService || 'à définir')}</dd><dt>Partenaires</dt><dd>${escapeHtml(d.action.partners.join(', ') || 'à définir')}</dd>
<dt>Statut</dt><dd>${escapeHtml(d.action.status)}</dd></dl>
</header>
<main>
<section><h2>Familles bénéficiaires</h2>${reached}</section>
<section><h2>Satisfaction</h2>${satisfaction}</section>
<section><h2>Participation selon les quartiers</h2>${participation}</section>
<section><h2>Freins persistants</h2>${para(e.obstacles)}</section>
<section><h2>Indicateurs de l'action</h2>${others.length ? `<table><caption>Dernière valeur de la période et cible</caption><thead><tr><th scope="col">Indicateur</th><th scope="col" class="num">Départ</th><th scope="col" class="num">Cible</th><th scope="col" class="num">Valeur</th><th scope="col">Situation</th></tr></thead><tbody>${others.join('')}</tbody></table>` : '<p class="muted">Aucun indicateur.</p>'}</section>
<section><h2>Conclusions</h2>${para(e.conclusions)}</section>
</main>
<footer><p class="muted">Produit par Relais (${escapeHtml(d.town)}) le ${escapeHtml(d.generatedAt)}. Les valeurs calculées viennent des relevés mensuels des indicateurs.</p></footer>
</body></html>`;
}
