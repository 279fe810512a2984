/**
 * A small CSV file as text (UTF-8 with BOM, comma, CRLF), the same dialect the
 * streamed exports use; and the same file in the dialect of Dutch Excel
 * (semicolon, decimal comma), which opens with its figures as numbers.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify';
import { stringify as stringifyNow } from 'csv-stringify/sync';

export const csvOptions = { bom: true, record_delimiter: 'windows' } as const;

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<string> {
  return new Promise((resolve, reject) => {
    stringify([[...header], ...rows.map((row) => [...row])], { ...csvOptions, delimiter: ',' }, (error, output) => (error ? reject(error) : resolve(output)));
  });
}

/** A plain decimal number as a comma CSV writes it ("0.25", "-1.5", "12"). */
const plainNumber = /^-?\d+(?:\.\d+)?$/;

/**
 * A comma CSV (as csvText writes it) in the Dutch Excel dialect: semicolons
 * between fields and a decimal comma in numbers, still UTF-8 with BOM, so
 * that Excel set to Dutch reads every figure as a number.
 */
export function toDutchExcelCsv(commaCsv: string): string {
  const rows = parse(commaCsv, { bom: true, relax_column_count: true }) as string[][];
  const converted = rows.map((row) => row.map((cell) => (plainNumber.test(cell) ? cell.replace('.', ',') : cell)));
  return stringifyNow(converted, { ...csvOptions, delimiter: ';' });
}
