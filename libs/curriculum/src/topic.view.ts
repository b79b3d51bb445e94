import type { Topic, TopicAudience } from './topic.entity';

export interface TopicView {
  id: string;
  slug: string;
  part: number;
  partTitle: string;
  title: string;
  summary: string;
  audience: TopicAudience;
  prompts: string[];
  order: number;
}

/** The short form a session carries. */
export interface SessionTopicView {
  slug: string;
  title: string;
  summary: string;
  prompts: string[];
}

export const toTopicView = (t: Topic): TopicView => ({
  id: t.id,
  slug: t.slug,
  part: t.part,
  partTitle: t.partTitle,
  title: t.title,
  summary: t.summary,
  audience: t.audience,
  prompts: t.prompts,
  order: t.order,
});

export const toSessionTopicView = (t: Topic): SessionTopicView => ({
  slug: t.slug,
  title: t.title,
  summary: t.summary,
  prompts: t.prompts,
});
