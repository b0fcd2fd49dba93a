import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CommentView, IdeaView, ParticipantRole, SupportCount } from '@palabre/contracts';
import { canSeeIdea } from '@palabre/domain';
import { preserialize } from '../../common/http/preserialized-json';
import type { Board, Idea } from './board.entities';
import { boardsRepository } from './boards.repository';
import { toCommentView, toIdeaView } from './boards.views';

/** What a viewer sees of a board's content: the ideas they may see, their comments and support counts. */
export interface BoardPart {
  ideas: IdeaView[];
  comments: CommentView[];
  counts: SupportCount[];
}

/** A board's content at one revision, every idea and comment in its view, built once. */
interface BoardContent {
  /** What canSeeIdea needs of each idea, in the order of `views`. */
  ideas: Visibility[];
  views: IdeaView[];
  comments: CommentView[];
  counts: Map<string, SupportCount>;
  /** Ideas by author (`mine.ideaIds`, and whether the viewer sees more than the others of their role). */
  byAuthor: Map<string, (Visibility & { id: string })[]>;
  /** By role: what a viewer of that role sees when no idea of their own is hidden from the others, shared by their snapshots. */
  shared: Map<ParticipantRole, BoardPart>;
}

type Visibility = Pick<Idea, 'status' | 'authorId'>;

/** Boards kept, the least recently read dropped first (a plenary's boards, the working groups' included). */
const KEEP = 8;
/** No participant: the viewer of the public part (canSeeIdea shows them only what everybody sees). */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * The boards' content, built once per board revision (`board.revision`, counted by the database at
 * every committed change: migration BoardRevisions). A snapshot reads its board row in its own
 * REPEATABLE READ transaction: the same revision means the same ideas, comments, supports and names,
 * so the thousand phones of a reconnect storm share one build and one serialisation (`preserialize`).
 * A snapshot older than the cached revision builds its own content and leaves the cache alone.
 */
@Injectable()
export class BoardContentCache {
  private readonly entries = new Map<string, { revision: number; content: Promise<BoardContent> }>();
  /** Contents built since the start (diagnostics and tests). */
  builds = 0;

  /** What this viewer sees of the board's content, read in the snapshot's transaction. */
  async part(manager: EntityManager, board: Board, viewer: { role: ParticipantRole; participantId: string }): Promise<BoardPart & { ownIdeaIds: string[] }> {
    const content = await this.content(manager, board);
    const own = content.byAuthor.get(viewer.participantId) ?? [];
    const ownIdeaIds = own.map((idea) => idea.id);
    // Anybody of the role: what canSeeIdea shows a viewer of that role who wrote nothing.
    const anybody = { role: viewer.role, participantId: NOBODY };
    if (own.some((idea) => canSeeIdea(viewer, idea) && !canSeeIdea(anybody, idea))) return { ...select(content, (idea) => canSeeIdea(viewer, idea)), ownIdeaIds };
    let part = content.shared.get(viewer.role);
    if (!part) content.shared.set(viewer.role, (part = shared(content, (idea) => canSeeIdea(anybody, idea))));
    return { ...part, ownIdeaIds };
  }

  /** Drops every cached board (tests). */
  clear(): void {
    this.entries.clear();
  }

  private content(manager: EntityManager, board: Board): Promise<BoardContent> {
    const cached = this.entries.get(board.activityId);
    if (cached && cached.revision === board.revision) {
      this.entries.delete(board.activityId);
      this.entries.set(board.activityId, cached);
      return cached.content;
    }
    const content = this.build(manager, board.activityId);
    if (cached && cached.revision > board.revision) return content;
    const entry = { revision: board.revision, content };
    this.entries.delete(board.activityId);
    this.entries.set(board.activityId, entry);
    content.catch(() => {
      if (this.entries.get(board.activityId) === entry) this.entries.delete(board.activityId);
    });
    while (this.entries.size > KEEP) this.entries.delete(this.entries.keys().next().value as string);
    return content;
  }

  private async build(manager: EntityManager, activityId: string): Promise<BoardContent> {
    this.builds++;
    const ideas = await boardsRepository.boardIdeas(manager, activityId);
    const comments = await boardsRepository.boardComments(manager, activityId);
    const names = await boardsRepository.authorNames(manager, [...ideas.map((idea) => idea.authorId), ...comments.map((comment) => comment.authorId)]);
    const counts = await boardsRepository.supportCounts(manager, activityId);
    const sources = new Map<string, { id: string; title: string }[]>();
    const byAuthor = new Map<string, (Visibility & { id: string })[]>();
    const add = <V>(map: Map<string, V[]>, key: string, value: V) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const idea of ideas) {
      if (idea.mergedInto) add(sources, idea.mergedInto, { id: idea.id, title: idea.title });
      add(byAuthor, idea.authorId, { id: idea.id, status: idea.status, authorId: idea.authorId });
    }
    return {
      ideas: ideas.map((idea) => ({ status: idea.status, authorId: idea.authorId })),
      views: ideas.map((idea) => toIdeaView(idea, names.get(idea.authorId) ?? '', sources.get(idea.id) ?? [])),
      comments: comments.map((comment) => toCommentView(comment, names.get(comment.authorId) ?? '')),
      counts: new Map(counts.map((count) => [count.ideaId, count])),
      byAuthor,
      shared: new Map(),
    };
  }
}

/** The ideas `visible` keeps, their comments and counts. */
function select(content: BoardContent, visible: (idea: Visibility) => boolean): BoardPart {
  const ideas = content.views.filter((_view, index) => visible(content.ideas[index]));
  const seen = new Set(ideas.map((idea) => idea.id));
  return {
    ideas,
    comments: content.comments.filter((comment) => seen.has(comment.ideaId)),
    counts: ideas.map((idea) => content.counts.get(idea.id)).filter((count): count is SupportCount => count !== undefined),
  };
}

/** A part many snapshots carry: frozen, its JSON written once. */
function shared(content: BoardContent, visible: (idea: Visibility) => boolean): BoardPart {
  const part = select(content, visible);
  return { ideas: preserialize(part.ideas), comments: preserialize(part.comments), counts: preserialize(part.counts) };
}
