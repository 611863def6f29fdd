/**
 * The typeface of every PDF we make: DejaVu Sans from its npm package,
 * embedded as a subset. pdfkit's built-in Helvetica is not embedded (PDF/A
 * forbids that) and covers WinAnsi only, so names with Sámi, Finnish, Polish
 * or Turkish letters (ŋ, ŧ, ł, ş, ı) came out as noise.
 */
import { createRequire } from 'node:module';

const font = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);

export const PDF_REGULAR = font('DejaVuSans.ttf');
export const PDF_BOLD = font('DejaVuSans-Bold.ttf');

/** Registers the two faces under the names the PDFs use ('Body', 'Bold'). */
export function useFonts(doc: { registerFont(name: string, src: string): unknown }): void {
  doc.registerFont('Body', PDF_REGULAR);
  doc.registerFont('Bold', PDF_BOLD);
}
