/** Reading what the server sends as files: binary bodies (PDF, XLSX, CSV) and the text of a PDF. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'superagent';

/** A supertest parser that collects a binary response body as a Buffer: `.buffer(true).parse(binary)`. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** What pdftotext (poppler-utils) prints for a PDF, with these options. */
function pdftotext(pdf: Buffer, options: string[]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-pdf-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** What pdfinfo (poppler-utils) says of a PDF; with `-struct-text`, its structure tree with the text of each element, in reading order. */
export function pdfInfo(pdf: Buffer, options: string[] = []): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'report-pdf-')), 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdfinfo', [...options, file], { encoding: 'utf8' });
}

/** The text of a PDF, as pdftotext extracts it. */
export function pdfText(pdf: Buffer, layout = false): string {
  return pdftotext(pdf, layout ? ['-layout'] : []);
}

export interface PdfWord { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }

/** Every word of a PDF with its box in points (pdftotext -bbox), and the page width. */
export function pdfWords(pdf: Buffer): { pageWidth: number; words: PdfWord[] } {
  const xml = pdftotext(pdf, ['-bbox']);
  const words: PdfWord[] = [];
  let page = 0;
  let pageWidth = 0;
  for (const line of xml.split('\n')) {
    const pageMatch = /<page width="([\d.]+)"/.exec(line);
    if (pageMatch) { page += 1; pageWidth = Number(pageMatch[1]); continue; }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) words.push({ page, text: word[5]!, xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]) });
  }
  return { pageWidth, words };
}

/** Pairs of words on the same page whose boxes overlap by more than a sliver: text drawn over other text. */
export function overlappingWords(words: readonly PdfWord[]): [PdfWord, PdfWord][] {
  const overlaps: [PdfWord, PdfWord][] = [];
  for (let a = 0; a < words.length; a++) {
    for (let b = a + 1; b < words.length; b++) {
      const first = words[a]!;
      const second = words[b]!;
      if (first.page !== second.page) continue;
      const width = Math.min(first.xMax, second.xMax) - Math.max(first.xMin, second.xMin);
      const height = Math.min(first.yMax, second.yMax) - Math.max(first.yMin, second.yMin);
      if (width > 1 && height > 2) overlaps.push([first, second]);
    }
  }
  return overlaps;
}
