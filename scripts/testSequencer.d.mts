import type { TestSequencer, TestSpecification, Vitest } from 'vitest/node';
export const BROWSER_FILES_FIRST: number;
export const LONGEST_FIRST: string[];
export default class BrowserFilesFirst implements TestSequencer {
  constructor(vitest: Vitest);
  sort(files: TestSpecification[]): Promise<TestSpecification[]>;
  shard(files: TestSpecification[]): Promise<TestSpecification[]>;
}
