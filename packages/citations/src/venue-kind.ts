/**
 * What kind of publication a paper's free-text venue names ("NeurIPS 2020", "arXiv", "OpenAI blog"),
 * which decides its CSL type and BibTeX entry type. Unknown venues count as web pages: a
 * `@misc` with `howpublished` is valid for anything.
 */
export type VenueKind = 'preprint' | 'report' | 'web' | 'journal' | 'conference';

const PREPRINT = /\b(?:arxiv|biorxiv|medrxiv|ssrn|preprint)\b/i;
const REPORT = /\b(?:technical report|tech report|report|white ?paper|system card|model card)\b/i;
const WEB = /\b(?:blog|github|gitlab|hugging ?face|website|web ?page|news|announcement)\b/i;
const JOURNAL = /\b(?:journal|transactions|letters|magazine|jmlr|tmlr|nature|science)\b/i;
const CONFERENCE =
  /\b(?:conference|proceedings|workshop|symposium|neurips|nips|icml|iclr|acl|emnlp|naacl|eacl|aacl|coling|aaai|ijcai|cvpr|iccv|eccv|kdd|sigir|colm|interspeech|icassp|uai|aistats|colt)\b/i;

/** First match wins: "arXiv preprint" is a preprint, "ACL workshop report" a report. */
export function venueKind(venue: string): VenueKind {
  if (PREPRINT.test(venue)) return 'preprint';
  if (REPORT.test(venue)) return 'report';
  if (WEB.test(venue)) return 'web';
  if (JOURNAL.test(venue)) return 'journal';
  if (CONFERENCE.test(venue)) return 'conference';
  return 'web';
}

/** "2005.14165" from an arxiv.org abstract or PDF link (new-style identifiers, version dropped). */
export function arxivId(url: string): string | undefined {
  const match =
    /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?$/i.exec(
      url.trim(),
    );
  return match?.[1];
}
