// The kind's three views in one lazy chunk (with the surveys' ballot form they reuse).
export { AmendmentsParticipant } from './AmendmentsParticipant';
export { AmendmentsScreen } from './AmendmentsScreen';
export { AmendmentsConsole } from './AmendmentsConsole';
