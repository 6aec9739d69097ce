export const FIRST_PAINT_BUDGET_GZIP: number;
export function measureFiles(files: string[], dir: string): { raw: number; gzip: number };
export function firstPaintOf(assetsDir: string): { files: string[]; raw: number; gzip: number; lazy: { files: string[]; raw: number; gzip: number } };
