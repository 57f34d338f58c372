/** The CSV files a generated country is written to, each under the header its zod schema gives. */
import { csvText } from '../../../src/lib/csv/write.ts';
import { csvDatasets, type CsvDatasetName } from '../../../src/lib/schemas/index.ts';

/** The day every synthetic source URL is said to have been read (sources.csv read_at). */
export const READ_AT = '2024-12-01';

export const headerOf = (name: CsvDatasetName): string[] => Object.keys(csvDatasets[name].schema.shape);

export class Table {
  readonly header: string[];
  readonly rows: string[][] = [];
  constructor(name: CsvDatasetName) {
    this.header = headerOf(name);
  }
  /** Appends a row, blank in the columns not given; returns its 1-based line in the file (the header is line 1). */
  row(...values: (string | number | undefined)[]): number {
    this.rows.push(this.header.map((_, i) => (values[i] === undefined ? '' : String(values[i]))));
    return this.rows.length + 1;
  }
  text(): string {
    return csvText([this.header, ...this.rows]);
  }
}
