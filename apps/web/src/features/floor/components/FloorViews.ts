// The kind's three views in one lazy chunk: one import in the entry bundle instead of three.
export { FloorParticipant } from './FloorParticipant';
export { FloorScreen } from './FloorScreen';
export { FloorConsole } from './FloorConsole';
