export const START: string;
export const END: string;
export function settingsTable(): string;
export function readmeWithTable(readme: string): string;
