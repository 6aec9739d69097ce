export function generateRequirements(argv: readonly string[], io?: { say(line: string): void; warn(line: string): void }): Promise<number>;
