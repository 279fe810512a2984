/** A small CSV file as text (UTF-8 with BOM, comma, CRLF), the same dialect the streamed exports use. */
import { stringify } from 'csv-stringify';

export const csvOptions = { bom: true, record_delimiter: 'windows' } as const;

export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): Promise<string> {
  return new Promise((resolve, reject) => {
    stringify([[...header], ...rows.map((row) => [...row])], { ...csvOptions, delimiter: ',' }, (error, output) => (error ? reject(error) : resolve(output)));
  });
}
