/**
 * Frontmatter schemas (zod). Shapes only: cross-file rules (unknown ids, cycles) live in lineage.ts,
 * and value rules with their own rule ids (url, year, relation kind) in validate-paper.ts.
 */
import { z } from 'zod';
import { ID_PATTERN, MAX_ID_LENGTH } from './ids.js';

export const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*([KMBT])$/i;
const COLOUR_PATTERN = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

const text = z.string().trim().min(1);
/** A reference to a paper or family. */
const id = z.string().regex(ID_PATTERN).max(MAX_ID_LENGTH);
/** The id a paper or family declares: checked on its own (ids.ts), with a message saying what is wrong. */
const declaredId = z.string();
const size = z.union([z.string().regex(SIZE_PATTERN), z.number().positive()]);

export const familySchema = z.object({
  id: declaredId,
  name: text,
  organisation: text,
  order: z.number().int().min(0),
  colour: z.string().regex(COLOUR_PATTERN),
});
export type FamilyFrontmatter = z.infer<typeof familySchema>;

export const meetingSchema = z.object({
  date: z.union([z.string(), z.date()]),
  title: text.optional(),
  presenter: text.optional(),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  duration: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  place: text.optional(),
  papers: z.array(id).min(1),
  questions: z.array(text).optional(),
});
export type MeetingFrontmatter = z.infer<typeof meetingSchema>;

export const studySchema = z.object({
  title: text,
  subtitle: text.optional(),
  group: text.optional(),
  language: z.enum(['en', 'zh']).optional(),
});
export type StudyFrontmatter = z.infer<typeof studySchema>;

const buildsOnEntry = z.union([id, z.object({ id, kind: z.string().optional(), label: text.optional() })]);

export const paperSchema = z.object({
  id: declaredId,
  family: id,
  title: text,
  short: text,
  headline: text.optional(),
  year: z.number().int(),
  authors: z.array(text).min(1),
  venue: text,
  url: text,
  organisation: text.optional(),
  parameters: z.union([size, z.array(size).min(1)]).optional(),
  tokens: size.optional(),
  builds_on: z.array(buildsOnEntry).optional(),
  tags: z.array(text).optional(),
});
export type PaperFrontmatter = z.infer<typeof paperSchema>;

/** What each field should look like, for messages ("`year` must be a whole number"). */
export const FIELD_EXPECTATIONS: Record<string, string> = {
  id: 'an id (lowercase letters, digits and single hyphens, at most 64 characters, e.g. `gpt-3`)',
  family: 'a family id (lowercase letters, digits and single hyphens, at most 64 characters)',
  name: 'non-empty text',
  organisation: 'non-empty text',
  order: 'a whole number ≥ 0',
  colour: 'a hex colour such as "#10a37f" (quoted)',
  title: 'non-empty text',
  short: 'non-empty text',
  headline: 'short text, e.g. "Few-shot prompting rivals fine-tuning at 175B"',
  year: 'a whole number such as 2020',
  authors: 'a list of names, e.g. [Alec Radford, Ilya Sutskever]',
  venue: 'non-empty text',
  url: 'an http(s) URL',
  parameters: 'a size such as 175B, or a list of sizes such as [7B, 13B]',
  tokens: 'a size such as 300B or 1.4T',
  builds_on: 'a list of paper ids, or of {id, kind, label} entries',
  tags: 'a list of text',
  subtitle: 'non-empty text',
  group: 'non-empty text, e.g. "LLM reading group"',
  language: '"en" or "zh"',
  date: 'a date such as 2026-12-03',
  presenter: 'non-empty text',
  time: 'a time of day such as "18:30" (24-hour clock, quoted)',
  duration: 'minutes, a whole number such as 90',
  place: 'non-empty text, e.g. "Room 2.14" or a video-call link',
  papers: 'a list of paper ids, e.g. [instructgpt, hh-rlhf, chatgpt]',
  questions: 'a list of questions (text)',
  kind: 'a relation kind',
  label: 'non-empty text',
};

export const STUDY_FIELDS = Object.keys(studySchema.shape);
export const MEETING_FIELDS = Object.keys(meetingSchema.shape);
export const FAMILY_FIELDS = Object.keys(familySchema.shape);
export const PAPER_FIELDS = Object.keys(paperSchema.shape);
