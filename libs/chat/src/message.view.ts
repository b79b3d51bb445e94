import type { PublicUser } from '@kintsugi/identity';
import type { HiddenReason, MessageStatus, ReactionKind } from './message.entity';

export type ReactionCounts = Record<ReactionKind, number>;

/** API.md's Message; `hiddenReason` only for the author and the group's moderators. */
export interface MessageView {
  id: string;
  groupId: string;
  seq: number;
  author: PublicUser | null;
  body: string | null;
  clientId: string;
  createdAt: string;
  editedAt: string | null;
  status: MessageStatus;
  sessionId: string | null;
  reactions: { counts: ReactionCounts; mine: ReactionKind[] };
  hiddenReason?: HiddenReason | null;
}

/** A message as read by MESSAGE_SELECT (message-rows.ts). */
export interface MessageRow {
  id: string;
  group_id: string;
  seq: string;
  /** The account: who may read a held post, whose own message it is. Never shown. */
  author_id: string;
  /** The author as the group sees them: their pseudonym's id there, or the account's. */
  author_shown_id: string;
  author_handle: string | null;
  author_erased: boolean;
  client_id: string;
  body: string;
  status: MessageStatus;
  hidden_reason: HiddenReason | null;
  /** Never shown to the group (a held post): only its author reads it. */
  withheld: boolean;
  session_id: string | null;
  change_seq: string | null;
  created_at: Date;
  edited_at: Date | null;
  counts: Partial<ReactionCounts> | null;
  mine: ReactionKind[] | null;
}

/** Who is looking: decides what a hidden or removed message shows. */
export interface Viewer {
  id: string;
  canModerate: boolean;
}

/** What every member may see; no viewer-specific fields. */
export const PUBLIC_VIEWER: Viewer = { id: '', canModerate: false };

export function emptyCounts(): ReactionCounts {
  return { heart: 0, hug: 0, hear_you: 0, strength: 0 };
}

/**
 * Built on purpose from the selected columns: a hidden, pending or removed
 * message's text leaves only towards its author (hidden and pending only),
 * and the reason only towards the author and the group's moderators
 * (API.md, Messages). Who may read a withheld message at all is decided by
 * the queries and the broadcaster (`withheld`), not here.
 */
export function toMessageView(row: MessageRow, viewer: Viewer): MessageView {
  const own = row.author_id === viewer.id;
  const body =
    row.status === 'visible' || ((row.status === 'hidden' || row.status === 'pending') && own)
      ? row.body
      : null;
  const view: MessageView = {
    id: row.id,
    groupId: row.group_id,
    seq: Number(row.seq),
    author:
      row.author_erased || row.author_handle === null
        ? null
        : { id: row.author_shown_id, handle: row.author_handle },
    body,
    clientId: row.client_id,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at ? row.edited_at.toISOString() : null,
    status: row.status,
    sessionId: row.session_id,
    reactions: { counts: { ...emptyCounts(), ...row.counts }, mine: row.mine ?? [] },
  };
  if (row.status !== 'visible' && (own || viewer.canModerate))
    view.hiddenReason = row.hidden_reason;
  return view;
}
