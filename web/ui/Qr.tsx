/** A QR code drawn as SVG (the modules come from the chèques' shared qr.ts, also used by the printed card). */
import { qrModules } from '../../src/modules/cheques/shared';
import './qr.css';

export function Qr({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const { side, path } = qrModules(text);
  return (
    <svg className="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${side} ${side}`} shapeRendering="crispEdges">
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
