import type { HouseholdStatus } from '../../shared/status.ts';
import type { CellValue } from './values.ts';

export interface ImportProblem {
  sheet: string;
  /** Spreadsheet row number (1-based), 0 when it concerns the whole sheet. */
  row: number;
  /** The column's header as written, '' when none. */
  column: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedMember {
  row: number;
  name: string;
  idNumber: string | null;
  gender: string | null;
  birthDate: string | null;
  relation: string;
  values: Record<string, CellValue>;
}

export interface ParsedHousehold {
  no: string;
  village: string;
  groupName: string | null;
  /** Null when the file has no column that tells the status. */
  status: HouseholdStatus | null;
  values: Record<string, CellValue>;
  members: ParsedMember[];
  firstRow: number;
}

export interface ParsedRoster {
  sheet: string;
  township: string | null;
  households: ParsedHousehold[];
  problems: ImportProblem[];
}
