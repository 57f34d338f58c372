/** The CSV files a generated country is written to, each under the header its zod schema gives. */
import { csvText } from '../../../src/lib/csv/write.ts';
import { csvDatasets, type CsvDatasetName } from '../../../src/lib/schemas/index.ts';

export const headerOf = (name: CsvDatasetName): string[] => Object.keys(csvDatasets[name].schema.shape);

export class Table {
  readonly header: string[];
  readonly rows: string[][] = [];
  constructor(name: CsvDatasetName) {
    this.header = headerOf(name);
  }
  /** Appends a row; returns its 1-based line in the file (the header is line 1). */
  row(...values: (string | number | undefined)[]): number {
    this.rows.push(values.map((v) => (v === undefined ? '' : String(v))));
    return this.rows.length + 1;
  }
  text(): string {
    return csvText([this.header, ...this.rows]);
  }
}
