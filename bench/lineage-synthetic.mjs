/**
 * The generated lineage lives with the lineage tests (apps/lineage/test/synthetic.mjs), which build it
 * at 200 and 1,000 papers; the benchmarks import it from here.
 */
export { syntheticContent, syntheticLineage } from '../apps/lineage/test/synthetic.mjs';
