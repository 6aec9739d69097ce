export function validateApp(dir: string): string[];
export function duplicateKeys(text: string): string[];
export function validateRequirements(dir: string, manifest: Record<string, unknown>): string[];
export const REQUIREMENT_TYPES: string[];
