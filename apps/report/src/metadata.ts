/** The PDF's document information: title, author, subject, keywords, language, producer and dates. */
import type { PDFDocument } from 'pdf-lib';
import type { ReportInput } from './report-input.js';

/** The most keywords written (tags included). */
const MAX_KEYWORDS = 60;

export function writeMetadata(doc: PDFDocument, input: ReportInput): void {
  const { families, papers, words, title, date } = input;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(input.study.group ?? words.readingGroup);
  doc.setSubject(
    `${words.studyReport(papers.length, families.length)} (${families.map((family) => family.name).join(', ')})`,
  );
  const keywords = [
    ...new Set([...families.map((family) => family.name), ...papers.flatMap((paper) => paper.tags)]),
  ];
  doc.setKeywords(keywords.slice(0, MAX_KEYWORDS));
  doc.setLanguage(input.language === 'zh' ? 'zh-Hans' : 'en');
  doc.setProducer('studykit (pdf-lib)');
  doc.setCreator('studykit');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
}
