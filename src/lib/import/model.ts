/**
 * The common model every reader produces and the planner consumes: a document is
 * tables (rows of cell text) and lines of prose, each remembering where it came from.
 */

/** Where a thing came from in the input, for messages: `list.xlsx:名单:5`, `list.txt:12`. */
export interface Place {
  file: string;
  line: number;
  /** A worksheet name (xlsx) when the file has several. */
  sheet?: string;
}

export const formatPlace = (p: Place) => `${p.file}:${p.sheet ? `${p.sheet}:` : ''}${p.line}`;

export interface TableRow {
  at: Place;
  cells: string[];
}

export interface Table {
  rows: TableRow[];
}

export interface TextLine {
  at: Place;
  text: string;
}

/** What a reader hands on: tables (xlsx, csv, docx and HTML tables) and prose (everything else). */
export interface InputDocument {
  file: string;
  tables: Table[];
  lines: TextLine[];
}

/** A school as the list writes it. */
export interface ListedName {
  text: string;
  at: Place;
  /** What the group calls the school (北城分校 in 北城分校(合肥北城中学); 集团本部). */
  listedAs?: string;
}

/** One group as the list gives it, before any name is resolved. */
export interface ListedGroup {
  name: string;
  at: Place;
  /** Schools the list marks as leading (牵头/龙头/核心/引领); empty when it marks none. */
  lead: ListedName[];
  members: ListedName[];
  /** The source lists only some members (a cut-off list, a lead named without its members). */
  partial?: boolean;
  /** A member count the source gives as words (2—4, 约900), kept as written. */
  reported?: string;
  /** The source gives no name: the group is known by its lead (name is ''). */
  unnamed?: boolean;
  /** The list's own words for the roles (龙头校, 成员单位 …), kept in role_term. */
  leadTerm?: string;
  memberTerm?: string;
  region?: string;
  type?: string;
  batch?: string;
  note?: string;
}

export interface Warning {
  at?: Place;
  message: string;
}
