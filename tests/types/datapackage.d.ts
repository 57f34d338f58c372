/** The part of the Frictionless `datapackage` library (no types of its own) the tests use. */
declare module 'datapackage' {
  interface ReadOptions {
    keyed?: boolean;
    cast?: boolean;
    relations?: boolean;
  }
  export class Resource {
    readonly name: string;
    read(options?: ReadOptions): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(descriptor: string | object, options?: { basePath?: string; strict?: boolean }): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
