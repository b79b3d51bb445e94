import * as fs from 'fs';
import * as path from 'path';

import { GUIDE_TOPICS, GuideTopicSeed } from './guide-topics';

const GUIDE_PATH = path.resolve(
  __dirname,
  '../../../shared/guide/how-to-build-trust-after-infidelity.txt',
);

interface GuideSection {
  part: number;
  partTitle: string;
  title: string;
}

/**
 * Reads the guide's structure from the text itself: the first line is the
 * page title; a heading is a line that is not a paragraph; a part heading is
 * a heading followed directly by another heading (not by a paragraph); the
 * other headings are sections. Everything from "Also Read" on is not content.
 * The page title heads the introduction (part 1, "Introduction").
 */
function readGuide(text: string): { sections: GuideSection[]; partHeadings: string[] } {
  const all = text.split(/\r?\n/).map((l) => l.trim());
  const end = all.findIndex((l) => /^also read/i.test(l));
  const lines = (end === -1 ? all : all.slice(0, end)).filter((l) => l.length > 0);
  const isParagraph = (l: string) => l.length > 100 || /\.$/.test(l);

  const sections: GuideSection[] = [];
  const partHeadings: string[] = [];
  lines.forEach((line, i) => {
    if (isParagraph(line)) return;
    const next = lines[i + 1];
    if (next !== undefined && !isParagraph(next)) {
      partHeadings.push(line);
    } else {
      const part = partHeadings.length;
      sections.push({
        part,
        partTitle: part === 1 ? 'Introduction' : partHeadings[part - 1],
        title: line,
      });
    }
  });
  return { sections, partHeadings };
}

function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

function ngrams(ws: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= ws.length; i++) out.push(ws.slice(i, i + n).join(' '));
  return out;
}

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function expectedAudience(partTitle: string): GuideTopicSeed['audience'] {
  if (partTitle === 'Healing for the Betrayed Partner') return 'betrayed';
  if (partTitle === 'Healing for the Unfaithful Partner') return 'unfaithful';
  return 'both';
}

describe('GUIDE_TOPICS', () => {
  const guideText = fs.readFileSync(GUIDE_PATH, 'utf8');
  const guideLines = guideText.split(/\r?\n/).map((l) => l.trim());
  const { sections, partHeadings } = readGuide(guideText);

  it('matches the guide: 30 sections in 10 parts, the first being the page title', () => {
    expect(partHeadings).toHaveLength(10);
    expect(partHeadings[0]).toBe(guideLines.find((l) => l.length > 0));
    expect(sections).toHaveLength(30);
    expect(sections.filter((s) => s.part === 1)).toHaveLength(3);
  });

  it('has exactly 30 topics with orders 1..30 in array order', () => {
    expect(GUIDE_TOPICS).toHaveLength(30);
    expect(GUIDE_TOPICS.map((t) => t.order)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('has parts 1..10, non-decreasing, each used', () => {
    const parts = GUIDE_TOPICS.map((t) => t.part);
    parts.forEach((p, i) => {
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(1);
      expect(p).toBeLessThanOrEqual(10);
      if (i > 0) expect(p).toBeGreaterThanOrEqual(parts[i - 1]);
    });
    expect(new Set(parts)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => i + 1)));
  });

  it('uses the guide titles as lines of the guide, in the guide order', () => {
    let from = 0;
    for (const topic of GUIDE_TOPICS) {
      const at = guideLines.indexOf(topic.title, from);
      expect({ title: topic.title, found: at >= 0 }).toEqual({ title: topic.title, found: true });
      from = at + 1;
    }
    expect(GUIDE_TOPICS.map((t) => t.title)).toEqual(sections.map((s) => s.title));
  });

  it('puts each topic in the part, and under the part title, of its section', () => {
    expect(GUIDE_TOPICS.map((t) => [t.part, t.partTitle])).toEqual(
      sections.map((s) => [s.part, s.partTitle]),
    );
  });

  it('derives the audience from the guide part heading', () => {
    expect(GUIDE_TOPICS.map((t) => [t.title, t.audience])).toEqual(
      sections.map((s) => [s.title, expectedAudience(s.partTitle)]),
    );
    expect(GUIDE_TOPICS.filter((t) => t.audience === 'betrayed').length).toBeGreaterThan(0);
    expect(GUIDE_TOPICS.filter((t) => t.audience === 'unfaithful').length).toBeGreaterThan(0);
  });

  it('has unique kebab-case ASCII slugs derived from the titles', () => {
    const slugs = GUIDE_TOPICS.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const topic of GUIDE_TOPICS) {
      expect(topic.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(topic.slug).toBe(slugify(topic.title));
    }
  });

  it('has a non-empty summary and 3-5 distinct question prompts per topic', () => {
    for (const topic of GUIDE_TOPICS) {
      expect(topic.summary.trim().length).toBeGreaterThan(0);
      expect(topic.prompts.length).toBeGreaterThanOrEqual(3);
      expect(topic.prompts.length).toBeLessThanOrEqual(5);
      expect(new Set(topic.prompts).size).toBe(topic.prompts.length);
      for (const prompt of topic.prompts) {
        expect(prompt.trim()).toMatch(/\?$/);
      }
    }
  });

  it('does not copy the guide: no run of 8 or more words shared with it', () => {
    const guideGrams = new Set(ngrams(words(guideText), 8));
    const copied: string[] = [];
    for (const topic of GUIDE_TOPICS) {
      for (const text of [topic.summary, ...topic.prompts]) {
        for (const gram of ngrams(words(text), 8)) {
          if (guideGrams.has(gram)) copied.push(`${topic.slug}: "${gram}"`);
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
