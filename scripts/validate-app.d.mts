export function validateApp(dir: string): string[];
export function duplicateKeys(text: string): string[];
