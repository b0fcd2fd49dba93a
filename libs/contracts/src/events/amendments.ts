import { z } from 'zod';
import { Uuid, Versioned, text } from '../common';
import { AMENDMENT_LIMITS, AmendmentKind, AmendmentTextUpdate, AmendmentTextView, AmendmentView, TextFormat } from '../amendments/schemas';
import { command, event } from './define';

const Amendment = { amendmentId: Uuid };

export const AMENDMENTS_COMMANDS = {
  'amendments.text.set': command(
    {
      activityId: Uuid,
      source: text(1, AMENDMENT_LIMITS.sourceMax).describe('The text, one line a line, paragraphs separated by a blank line'),
      format: TextFormat.default('markdown'),
    },
    AmendmentTextView,
    'Staff: write or replace the text (numbered again); refused once an amendment is filed.',
  ),
  'amendments.deadline': command(
    { activityId: Uuid, deadline: z.iso.datetime({ offset: true }).nullable().describe('Null: amendments until the text closes') },
    AmendmentTextView,
    'Staff: set or lift the deadline for filing amendments.',
  ),
  'amendment.file': command(
    {
      activityId: Uuid,
      parentId: Uuid.nullable().default(null).describe('A sub-amendment: the amendment whose wording it changes (its place is the parent’s)'),
      kind: AmendmentKind,
      from: z.number().int().min(0).max(100_000),
      to: z.number().int().min(0).max(100_000),
      wording: z.string().max(AMENDMENT_LIMITS.wordingMax).default('').describe('The new wording (required to replace or insert; empty to delete)'),
      reason: text(1, AMENDMENT_LIMITS.reasonMax).describe('Short reason (exposé des motifs)'),
      forGroup: z.boolean().default(false).describe('File it in the name of my working group (its rapporteur only)'),
    },
    AmendmentView,
    'File an amendment on a line range (replace, insert after, delete) or a sub-amendment; refused after the deadline or once the text is closed.',
  ),
  'amendment.cosign': command({ ...Amendment, support: z.boolean().default(true) }, AmendmentView, 'Co-sign an amendment (or take one’s signature back); not one’s own.'),
  'amendment.withdraw': command(Amendment, AmendmentView, 'Withdraw an amendment not yet voted (its author; staff: any).'),
  'amendment.moderate': command(
    {
      ...Amendment,
      decision: z.enum(['admissible', 'inadmissible', 'filed']).describe('filed undoes an earlier decision'),
      reason: text(1, AMENDMENT_LIMITS.moderationReasonMax).optional().describe('Required for inadmissible'),
    },
    AmendmentView,
    'Staff: declare an amendment admissible or inadmissible (with a reason), or undo that.',
  ),
  'amendment.move': command(
    { ...Amendment, position: z.number().int().min(1).max(AMENDMENT_LIMITS.positionMax).nullable().describe('1-based place in its voting block; null gives it back to the rule') },
    AmendmentView,
    'Staff: move an amendment (with its sub-amendments) within its voting block.',
  ),
  'amendment.vote': command(
    { ...Amendment, action: z.enum(['open', 'close']) },
    AmendmentView,
    'Staff: put an amendment to the vote (a yes/no/abstain question of the companion survey, answered with ballot.cast) or close its vote: adopted when yes outnumber no; incompatible amendments fall.',
  ),
  'amendments.final': command(
    { activityId: Uuid, action: z.enum(['open', 'close']) },
    AmendmentTextView,
    'Staff: put the consolidated text to a final vote, or close it.',
  ),
} as const;

export const AMENDMENTS_EVENTS = {
  'amendments.updated': event(
    Versioned.extend({ text: AmendmentTextUpdate }),
    'session',
    'A text put to amendment changed (text, deadline, an amendment filed, co-signed, moderated, moved, voted, fallen, final vote): its full state, without the tabled lines once they are frozen (the first amendment is filed). Staff get every amendment; those who may read the activity, the admissible ones and their own. Volatile: a full state, idempotent.',
    true,
  ),
} as const;
