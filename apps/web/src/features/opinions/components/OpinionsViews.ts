// The kind's three views in one lazy chunk: one import in the entry bundle instead of three.
export { OpinionsParticipant } from './OpinionsParticipant';
export { OpinionsScreen } from './OpinionsScreen';
export { OpinionsConsole } from './OpinionsConsole';
