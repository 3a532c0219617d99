/**
 * The generated reading lists of the tests and the benchmarks, in one place. Each is deterministic
 * (tests/corpus/corpus.test.ts pins their checksums):
 *   corpusFiles(n, seed)     a semester's reading list: n papers in n/25 families, 3.5 KB each, a
 *                            quarter in Chinese, seeded edges (bench: scale, watch; parallel parse)
 *   syntheticLineage(n)      a lineage of n papers as a StudyAst, built directly (lineage tests, bench)
 *   syntheticContent(n)      the same lineage as markdown files
 *   scaleFamilyFiles()       one family of 25 papers that strains slide layout (slides scale test)
 *   reportCorpusFiles(n)     20 families of chained papers with lists and tables (report bench)
 * `writeCorpus` and `writeContentFiles` write them as a content folder. Plain JavaScript with JSDoc
 * types (checked by `tsc -p tests/corpus`) so that node runs it in bench/ and vitest in the tests.
 *
 *   node tests/corpus/index.mjs [papers=1000] [dir=/tmp/studykit-corpus-<papers>]
 */
import { writeCorpus } from './semester.mjs';

export { syntheticContent, syntheticLineage } from './lineage.mjs';
export { reportCorpusFiles } from './report-list.mjs';
export { SCALE_FAMILY, scaleFamilyFiles } from './scale-family.mjs';
export { corpusFiles, writeCorpus } from './semester.mjs';
export { writeContentFiles } from './write.mjs';

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count = '1000', dir = `/tmp/studykit-corpus-${count}`] = process.argv.slice(2);
  writeCorpus(dir, Number(count));
  console.log(`wrote ${count} papers to ${dir}`);
}
