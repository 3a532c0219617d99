export function corpusFiles(paperCount: number, seed?: number): { path: string; contents: string }[];
export function writeCorpus(dir: string, paperCount: number, seed?: number): string;
