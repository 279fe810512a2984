/**
 * Importing an address frame: parse and check the whole file, check it
 * against the addresses already in the study, then store every row in one
 * transaction. Any bad line rejects the whole file with every reason found
 * (up to 500). A CSV file is parsed off the HTTP thread (address-frame-parser.ts);
 * an Excel workbook is read with exceljs (address-frame-xlsx.ts).
 */
import { parseAddressFrameOffThread } from './address-frame-parser.js';
import { looksLikeXlsx, parseXlsxFrame } from './address-frame-xlsx.js';
import { Problem } from '../domain/errors.js';
import { findAddressesAlreadyInFrame, insertAddresses } from '../storage/address-frame.js';
import type { User } from '../domain/account.js';
import { recordAudit } from '../storage/audit-log.js';
import type { Database } from '../storage/db.js';

export interface ImportSummary {
  addresses: number;
  streets: number;
  neighbourhoods: number;
  /** The file's columns the frame does not use, by their names in the file: ignored, and said so. */
  ignoredColumns: string[];
}

/** Imports the file; `actor`, when given, is written to the audit log with the counts. */
export async function importAddressFrame(db: Database, studyId: number, bytes: Uint8Array, actor?: User): Promise<ImportSummary> {
  // A workbook (.xlsx) or a CSV file, by what the bytes are, not by the file's name.
  const parsed = looksLikeXlsx(bytes) ? await parseXlsxFrame(bytes) : await parseAddressFrameOffThread(bytes);
  if (!parsed.ok) throw new Problem('csvRejected', { lines: parsed.errors });
  const { rows } = parsed;
  await db.transaction(async (tx) => {
    const clashes = await findAddressesAlreadyInFrame(tx, studyId, rows);
    if (clashes.length > 0) throw new Problem('csvRejected', { lines: clashes });
    await insertAddresses(tx, studyId, rows);
    if (actor) await recordAudit(tx, { actor, action: 'address-frame.imported', studyId, detail: `${rows.length} addresses` });
  });
  return {
    addresses: rows.length,
    streets: new Set(rows.map((row) => `${row.neighbourhood}|${row.street}`)).size,
    neighbourhoods: new Set(rows.map((row) => row.neighbourhood)).size,
    ignoredColumns: parsed.ignoredColumns,
  };
}
