/**
 * The HTML report printed to PDF through the platform's renderer (src/platform/pdf.ts):
 * bounded concurrency and queue (503 http/busy with Retry-After when full), a hard
 * deadline, and the browser killed when the client leaves.
 */
import { pdfRenderer } from '../../platform/pdf';

export function pdfAvailable(): boolean {
  return pdfRenderer().available();
}

export function htmlToPdf(html: string, signal?: AbortSignal): Promise<Buffer> {
  return pdfRenderer().render(html, { signal });
}
