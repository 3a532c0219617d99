/**
 * The small working study `studykit init` writes: study.md, one family, two papers (one building on
 * the other, so the lineage has an edge) and one meeting a week after today. Real papers, so that the
 * first build shows what the kit makes; the group replaces them with its own.
 */
import type { StudyLanguage } from '@studykit/core';
import { familySkeleton, meetingSkeleton, paperSkeleton, studySkeleton } from './skeletons.js';

/** Path relative to the new content folder → text. */
export type StarterFiles = Record<string, string>;

export function starterStudy(language: StudyLanguage, today: Date): StarterFiles {
  const zh = language === 'zh';
  const nextWeek = new Date(today.getTime() + 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return {
    'study.md': studySkeleton({
      title: zh ? 'Transformer 论文精读' : 'Reading the Transformer papers',
      group: zh ? '论文读书会' : 'Paper reading group',
      language,
      description: zh
        ? '从注意力机制到预训练语言模型：每次读书会精读一两篇论文。'
        : 'From attention to pre-trained language models, one or two papers a meeting.',
    }),
    'transformer/family.md': familySkeleton({
      id: 'transformer',
      order: 1,
      language,
      name: zh ? 'Transformer 系列' : 'The Transformer line',
      organisation: 'Google',
      colour: '#4285f4',
      overview: zh
        ? '只用注意力的编码器—解码器，以及在它之上预训练的双向编码器。'
        : 'An encoder–decoder built on attention alone, and the bidirectional encoder pre-trained on top of it.',
    }),
    'transformer/attention.md': paperSkeleton({
      id: 'attention',
      family: 'transformer',
      year: 2017,
      language,
      title: 'Attention Is All You Need',
      short: 'Transformer',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      venue: 'NeurIPS 2017',
      url: 'https://arxiv.org/abs/1706.03762',
      parameters: '[65M, 213M]',
      body: zh
        ? {
            motivation: '循环网络逐个处理词元，难以并行，长距离依赖也难以学习。',
            approach: '编码器和解码器都只用自注意力和前馈层；多头注意力，加上位置编码。',
            results: '在 WMT 2014 英德和英法翻译上取得当时最好的 BLEU，训练成本低得多。',
            main: '只靠注意力就能做好序列转换，而且训练更快。',
            notes: '先讲循环网络的瓶颈，再讲注意力如何绕开它。',
          }
        : {
            motivation:
              'Recurrent networks read tokens one at a time: slow to train in parallel, and long-range dependencies are hard to learn.',
            approach:
              'Encoder and decoder built only from self-attention and feed-forward layers, with multi-head attention and positional encodings.',
            results:
              'State-of-the-art BLEU on WMT 2014 English–German and English–French, at a fraction of the training cost.',
            main: 'Attention alone is enough for sequence transduction, and it trains faster.',
            notes: 'Start from the bottleneck of recurrence, then show how attention removes it.',
          },
    }),
    'transformer/bert.md': paperSkeleton({
      id: 'bert',
      family: 'transformer',
      year: 2019,
      language,
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      short: 'BERT',
      authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
      venue: 'NAACL 2019',
      url: 'https://arxiv.org/abs/1810.04805',
      parameters: '[110M, 340M]',
      buildsOn: {
        id: 'attention',
        kind: 'extends',
        label: zh ? 'Transformer 编码器' : 'the Transformer encoder',
      },
      body: zh
        ? {
            motivation: '从左到右的语言模型只看一侧的上下文，不适合理解类任务。',
            approach: '用掩码语言模型和下一句预测预训练 Transformer 编码器，再对每个任务微调。',
            results: '在 GLUE、SQuAD 等十一项任务上刷新了最好成绩。',
            main: '双向预训练加微调，成为理解类任务的通用做法。',
            notes: '对比 GPT 的单向预训练，讲清楚掩码的作用。',
          }
        : {
            motivation:
              'Left-to-right language models see only one side of the context, a poor fit for understanding tasks.',
            approach:
              'Pre-train a Transformer encoder with masked language modelling and next-sentence prediction, then fine-tune it per task.',
            results: 'New best results on eleven tasks, among them GLUE and SQuAD.',
            main: 'Bidirectional pre-training plus fine-tuning became the default recipe for understanding tasks.',
            notes: 'Contrast it with GPT’s one-directional pre-training; explain what the mask buys.',
          },
    }),
    [`meetings/${nextWeek}.md`]: meetingSkeleton({
      date: nextWeek,
      papers: ['attention', 'bert'],
      language,
      title: zh ? '从注意力到预训练' : 'From attention to pre-training',
      questions: zh
        ? ['为什么只用注意力就够了？', 'BERT 的掩码语言模型和 GPT 的目标有什么不同？']
        : ['Why is attention alone enough?', 'How does BERT’s masked objective differ from GPT’s?'],
    }),
  };
}
