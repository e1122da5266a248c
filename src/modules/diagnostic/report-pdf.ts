/** The HTML report printed to PDF by Chromium (playwright-core), when the server has it. */
import fs from 'node:fs';
import { externalPrograms } from '../../config';

export const CHROMIUM_PATH = externalPrograms().chromium;

export function pdfAvailable(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // The report is self-contained: no network needed, none allowed.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
