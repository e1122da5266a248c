/**
 * A QR code as one SVG path, for the family's phone (web/features/cheques/Qr.tsx) and the
 * printed card (card.ts): qrcode-generator computes the modules, we draw them with a quiet
 * zone of four modules. Pure; shared with the web (through the module's shared.ts).
 */
import qrcode from 'qrcode-generator';

export const QR_QUIET_ZONE = 4;

/** The side of the drawing in modules (quiet zone included) and the path of its dark modules. */
export function qrModules(text: string): { side: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + QR_QUIET_ZONE} ${r + QR_QUIET_ZONE}h1v1h-1z`;
  return { side: n + 2 * QR_QUIET_ZONE, path };
}
