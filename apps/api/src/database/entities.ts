import { Board, Idea, IdeaComment, IdeaSupport } from '../modules/boards/board.entities';
import { AuditEvent } from '../modules/audit/audit-event.entity';
import { ArchiveRecord } from '../modules/outcomes/archive-record.entity';
import { StaffAccount } from '../modules/auth/staff-account.entity';
import { StaffSession } from '../modules/auth/staff-session.entity';
import { Activity } from '../modules/sessions/activity.entity';
import { Assembly, Member } from '../modules/sessions/assembly.entities';
import { BlockedDevice, Participant, ScreenPairing } from '../modules/sessions/participant.entities';
import { Session } from '../modules/sessions/session.entity';
import { GroupSeedCard, SynthesisComment, WorkingGroup } from '../modules/groups/working-group.entities';
import { ProcessedOp } from '../common/idempotency/processed-op.entity';
import { AnonymousBallot, Ballot, BallotReceipt, Survey, SurveyQuestion, SurveyTemplate } from '../modules/surveys/survey.entities';
import { QnaQuestion, QnaVote } from '../modules/qna/qna.entities';
import { AttendanceConfirmation, RoomState } from '../modules/room/room.entities';
import { FollowUpSubscription, Recommendation, RecommendationProgress } from '../modules/followup/recommendation.entities';
import { OpinionAnswer, OpinionMapState, OpinionStatement } from '../modules/opinions/opinions.entities';
import { FloorOverride, FloorRequest } from '../modules/floor/floor.entities';
import { Amendment, AmendmentCosign, AmendmentText } from '../modules/amendments/amendments.entities';
import { MemberProxy, PaperEntry, ProxyRequest, RollCall } from '../modules/surveys/channels.entities';

/** Every entity; a feature module adds its own here. */
export const ENTITIES = [StaffAccount, StaffSession, Assembly, Member, Session, Participant, Activity, ProcessedOp, AuditEvent, Board, Idea, IdeaSupport, IdeaComment, Survey, SurveyQuestion, Ballot, BallotReceipt, AnonymousBallot, SurveyTemplate, ArchiveRecord, QnaQuestion, QnaVote, RoomState, AttendanceConfirmation, WorkingGroup, SynthesisComment, GroupSeedCard, BlockedDevice, ScreenPairing, Recommendation, RecommendationProgress, FollowUpSubscription, OpinionStatement, OpinionAnswer, OpinionMapState, FloorRequest, FloorOverride, MemberProxy, PaperEntry, RollCall, ProxyRequest, AmendmentText, Amendment, AmendmentCosign];
