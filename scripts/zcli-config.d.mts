export const CONFIG_FILE: string;
export class SettingsFileError extends Error {}
export function settingsFromFile(content: unknown, names: string[], label?: string): { parameters: Record<string, unknown>; appId: unknown };
export function writeZcliConfig(options?: { root?: string; dist?: string; settingsFile?: string | null }): { path: string; count: number; fromFile: number; kept: number; dropped: string[]; empty: string[] };
