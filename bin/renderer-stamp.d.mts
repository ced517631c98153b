export declare function rendererStale(root: string): string | null;
export declare function ensureRenderer(root: string): boolean;
