import { Init1764180000000 } from './1764180000000-Init';
import { Surveys1764190000000 } from './1764190000000-Surveys';
import { Boards1764200000000 } from './1764200000000-Boards';
import { QnaRoom1764210000000 } from './1764210000000-QnaRoom';
import { Outcomes1764220000000 } from './1764220000000-Outcomes';
import { WorkingGroups1764230000000 } from './1764230000000-WorkingGroups';
import { StaffSessions1764310000001 } from './1764310000001-StaffSessions';
import { Identity1764320000001 } from './1764320000001-Identity';
import { SecretBallots1764330000001 } from './1764330000001-SecretBallots';
import { AssemblyTheme1764340000001 } from './1764340000001-AssemblyTheme';
import { FollowUp1764420000001 } from './1764420000001-FollowUp';
import { OpinionAnswerCounts1764440000001 } from './1764440000001-OpinionAnswerCounts';
import { OpinionMaps1764410000001 } from './1764410000001-OpinionMaps';
import { Floor1764400000001 } from './1764400000001-Floor';
import { BallotChannels1764430000001 } from './1764430000001-BallotChannels';
import { Amendments1764500000001 } from './1764500000001-Amendments';
import { AmendmentGroups1764600000001 } from './1764600000001-AmendmentGroups';
import { RollCall1764510000001 } from './1764510000001-RollCall';
import { ProxyRequests1764510000002 } from './1764510000002-ProxyRequests';
import { OpinionAgreements1764700000001 } from './1764700000001-OpinionAgreements';
import { BoardRevisions1764800000001 } from './1764800000001-BoardRevisions';

/** Every migration, in order. Explicit so that compiled and test runs load the same list. */
export const MIGRATIONS = [Init1764180000000, Surveys1764190000000, Boards1764200000000, QnaRoom1764210000000, Outcomes1764220000000, WorkingGroups1764230000000, StaffSessions1764310000001, Identity1764320000001, SecretBallots1764330000001, AssemblyTheme1764340000001, Floor1764400000001, OpinionMaps1764410000001, FollowUp1764420000001, BallotChannels1764430000001, OpinionAnswerCounts1764440000001, Amendments1764500000001, RollCall1764510000001, ProxyRequests1764510000002, AmendmentGroups1764600000001, OpinionAgreements1764700000001, BoardRevisions1764800000001];
