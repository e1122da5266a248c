/**
 * The printed card, for a family without a smartphone: one A4 sheet with an A6 card to cut
 * out — the first name, the Pass Famille Solo's signed QR and short number, its validity,
 * and the balances at the day of printing. Self-contained HTML (no network) for the PDF
 * renderer. Pure: data in, HTML out; every value escaped and written in French.
 */
import { euros, frenchDate } from './kinds';
import { qrModules } from './qr';

export interface CardData {
  town: string;
  firstName: string;
  /** The day the balances were read (YYYY-MM-DD). */
  printedOn: string;
  pass: { number: string; validFrom: string; validUntil: string; status: 'valid' | 'expired' | 'revoked' | 'not_yet_valid'; token: string | null } | null;
  accounts: { label: string; availableCents: number; nextExpiry: string | null }[];
  /** Printed payment codes (a sheet for a family without a smartphone), per chèque. */
  codes?: { label: string; validUntil: string; codes: string[] }[];
}

const STATUS: Record<NonNullable<CardData['pass']>['status'], string> = {
  valid: 'Valide',
  expired: 'Expiré',
  revoked: 'Révoqué',
  not_yet_valid: 'Pas encore valable',
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function qrSvg(text: string, label: string): string {
  const { side, path } = qrModules(text);
  return `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

export function cardHtml(d: CardData): string {
  const e = escapeHtml;
  const pass = d.pass
    ? `<section class="pass">
        <h2>Pass Famille Solo <span class="status s-${d.pass.status}">${STATUS[d.pass.status]}</span></h2>
        ${d.pass.token ? qrSvg(d.pass.token, 'Code QR du Pass Famille Solo') : '<p>Ce Pass ne peut plus être présenté.</p>'}
        <p class="number">${e(d.pass.number)}</p>
        <p>Valable du ${frenchDate(d.pass.validFrom)} au ${frenchDate(d.pass.validUntil)}</p>
      </section>`
    : '';
  const accounts = d.accounts.length
    ? `<section class="balances">
        <h2>Chèques au ${frenchDate(d.printedOn)}</h2>
        <ul>${d.accounts
          .map(
            (a) =>
              `<li><span>${e(a.label)}</span> <strong>${euros(a.availableCents)}</strong>${a.nextExpiry ? `<br><small>à utiliser avant le ${frenchDate(a.nextExpiry)}</small>` : ''}</li>`,
          )
          .join('')}</ul>
      </section>`
    : '';
  const codes = d.codes?.length
    ? `<section class="codes">
        <h2>Codes de paiement — un code par achat</h2>
        <p>Donnez un code au partenaire : il le tape, le code sert une seule fois. Rayez-le ensuite. Cette feuille remplace la précédente, dont les codes ne marchent plus. Gardez-la comme de l’argent.</p>
        ${d.codes
          .map(
            (c) =>
              `<h3>${e(c.label)} <small>(codes valables jusqu’au ${frenchDate(c.validUntil)})</small></h3><ul class="grid">${c.codes.map((x) => `<li>☐ <span class="code">${e(x)}</span></li>`).join('')}</ul>`,
          )
          .join('')}
      </section>`
    : '';
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Carte de ${e(d.firstName)}</title>
<style>
  body { font-family: 'DejaVu Sans', Arial, sans-serif; color: #111; margin: 0; }
  .card { width: 105mm; min-height: 148mm; box-sizing: border-box; border: 1px dashed #555; border-radius: 4mm; padding: 6mm; page-break-inside: avoid; }
  .town { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.05em; margin: 0; color: #333; }
  h1 { font-size: 18pt; margin: 1mm 0 3mm; }
  h2 { font-size: 11pt; margin: 3mm 0 2mm; }
  .qr { display: block; width: 42mm; height: 42mm; margin: 2mm auto; }
  .number { font-family: 'DejaVu Sans Mono', monospace; font-size: 14pt; letter-spacing: 0.1em; text-align: center; margin: 1mm 0; }
  .pass p { text-align: center; font-size: 9.5pt; margin: 1mm 0; }
  .status { font-size: 8.5pt; border: 1px solid currentColor; border-radius: 3mm; padding: 0 2mm; }
  .s-valid { color: #13602b; } .s-expired, .s-revoked { color: #9b1c1c; }
  ul { list-style: none; padding: 0; margin: 0; font-size: 10pt; }
  li { padding: 1.5mm 0; border-bottom: 1px solid #ddd; }
  small { color: #333; }
  .help { margin-top: 8mm; font-size: 10pt; max-width: 170mm; }
  .cut { font-size: 8pt; color: #555; margin: 0 0 1mm; }
  .codes { margin-top: 6mm; max-width: 180mm; font-size: 10pt; page-break-inside: avoid; }
  .codes h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
  .grid { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1mm 4mm; }
  .grid li { border: none; }
  .code { font-family: 'DejaVu Sans Mono', monospace; font-size: 12pt; letter-spacing: 0.08em; }
</style></head>
<body>
  <p class="cut">✂ Carte à découper le long des pointillés</p>
  <div class="card">
    <p class="town">Ville ${e(d.town.match(/^[aeiouyhéèê]/i) ? `d’${d.town}` : `de ${d.town}`)}</p>
    <h1>${e(d.firstName)}</h1>
    ${pass}
    ${accounts}
  </div>
  ${codes}
  <div class="help">
    <h2>Comment utiliser cette carte</h2>
    <p>Chez un partenaire qui accepte le Pass Famille Solo, montrez la carte : le partenaire scanne le code QR ou tape le numéro, et voit seulement votre prénom, la validité et ce qu’il vous offre.</p>
    <p>Les soldes sont ceux du ${frenchDate(d.printedOn)} : ils baissent à chaque paiement. Pour payer avec vos chèques, le partenaire a besoin d’un code de paiement : affiché dans Relais («&nbsp;Mes chèques&nbsp;», bouton «&nbsp;Payer avec ce chèque&nbsp;»), ou imprimé sur une feuille de codes (à l’accueil du CCAS ou depuis Relais).</p>
    <p>Carte perdue ? Prévenez l’accueil du CCAS : le Pass sera révoqué et une nouvelle carte imprimée.</p>
  </div>
</body></html>`;
}
