/**
 * An address frame saved as an Excel workbook (.xlsx), as municipal extracts
 * often come: its first sheet read into rows of cell texts, for the same
 * checks as a CSV (domain/address-frame.ts, parseAddressTable). A cell reads
 * as Excel shows it ("12", "1234 AB"); row numbers are the lines reported.
 */
import ExcelJS from 'exceljs';
import { parseAddressTable, type FrameParseResult } from '../domain/address-frame.js';

/** An .xlsx file is a ZIP archive: it starts with "PK", 3, 4. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function parseXlsxFrame(bytes: Uint8Array): Promise<FrameParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    // A ZIP that is no workbook (or a damaged one): said as such, with nothing imported.
    return { ok: false, errors: [{ line: 1, reason: 'notXlsx' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [{ line: 1, reason: 'emptyFile' }] };
  const rows: { line: number; cells: string[] }[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    // The header decides how many columns there are; a row's empty cells at the end are empty fields.
    if (width === 0) width = row.cellCount;
    rows.push({ line, cells: Array.from({ length: Math.max(width, row.cellCount) }, (_, index) => row.getCell(index + 1).text ?? '') });
  });
  const result = parseAddressTable(rows);
  // "Not a CSV" would mislead here: the sheet read is the first one, and it holds no address list.
  if (!result.ok && result.errors[0]?.reason === 'notCsv') return { ok: false, errors: [{ line: 1, reason: 'notAddressSheet', value: sheet.name }] };
  return result;
}
