// Bounds and fixed scales shared by the API (validation), libs/domain (tallies) and the web (counters,
// maxLength, labels). No zod here: this module is part of the web's zod-free `meta` entry.

/** Bounds shared by the API (validation) and the web (counters, maxLength). */
export const BOARD_LIMITS = {
  columns: 8,
  columnTitle: 60,
  ideaTitle: 140,
  ideaBody: 1000,
  comment: 600,
  reason: 280,
  tags: 6,
  tag: 30,
  cluster: 60,
  dotsPerMember: 50,
  mergeSources: 10,
  similarText: 400,
} as const;

/** Bounds shared by the API, the web forms and the tallies. */
export const SURVEY_LIMITS = {
  promptMax: 300, optionsMin: 2, optionsMax: 30, optionLabelMax: 200, scaleMaxMin: 2, scaleMaxMax: 10,
  pointsBudgetMax: 10_000, textAnswerMax: 80, wordCloudTop: 50,
} as const;

/** Grades of majority judgment, best first: a ballot stores the index (0 = best). */
export const MAJORITY_GRADES = {
  7: {
    fr: ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'Insuffisant', 'À rejeter'],
    en: ['Excellent', 'Very good', 'Good', 'Fairly good', 'Acceptable', 'Insufficient', 'Reject'],
  },
  6: {
    fr: ['Très bien', 'Bien', 'Assez bien', 'Passable', 'Insuffisant', 'À rejeter'],
    en: ['Very good', 'Good', 'Fairly good', 'Acceptable', 'Insufficient', 'Reject'],
  },
} as const;

export const QNA_LIMITS = { textMax: 500 } as const;

export const ROOM_LIMITS = { messageMax: 280, plannedMinutesMax: 600, durationSecondsMax: 36_000, extendSecondsMax: 3600, warningSeconds: 10 } as const;

/** Speakers' list bounds. */
export const FLOOR_LIMITS = { nameMax: 60, speakingSecondsMax: 1800, extendSecondsMax: 600, positionMax: 500 } as const;

/** Texts and amendments bounds (a 20-page text is about 120 000 characters; sourceMax is about 40 pages). */
export const AMENDMENT_LIMITS = { sourceMax: 250_000, wordingMax: 4000, reasonMax: 1000, moderationReasonMax: 500, perText: 2000, positionMax: 500 } as const;

/**
 * The largest message a client may send on the live socket (socket.io `maxHttpBufferSize`): the
 * longest command, a text put to amendment of `AMENDMENT_LIMITS.sourceMax` characters, fits even
 * when every character takes 3 bytes in UTF-8; a larger message closes the connection.
 */
export const SOCKET_MESSAGE_MAX_BYTES = 1024 * 1024;
