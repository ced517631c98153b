export declare const STAMP_VERSION: number;
export type StampEntry = [rel: string, size: number, mtimeMs: number];
export declare function stampEntry(root: string, rel: string): StampEntry;
export declare function stampFileOf(bundle: string): string;
export declare function staleInput(root: string, bundle: string): string | null;
