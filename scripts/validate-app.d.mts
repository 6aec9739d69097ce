export function validateApp(dir: string): string[];
export function duplicateKeys(text: string): string[];
export function validateRequirements(dir: string, manifest: Record<string, unknown>): string[];
export const REQUIREMENT_TYPES: string[];
export function validatorWarnings(dir: string): string[];
export function escapeForValidator(code: string): string;
export const SECRET_KEYWORDS: string[];
export const APPLICATION_SECRETS: Record<string, RegExp>;
