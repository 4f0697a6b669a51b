-- The domain's words become types: a value outside them is refused by the database itself.
CREATE TYPE "CheckInKind" AS ENUM ('test', 'incident');
CREATE TYPE "CheckInVerdict" AS ENUM ('safe', 'danger', 'wrong_word', 'locked', 'keypad_safe', 'seen_safe', 'not_seen', 'text');
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'closed');
CREATE TYPE "IncidentOutcome" AS ENUM ('confirmed_safe', 'danger', 'false_alarm', 'no_answer');
CREATE TYPE "IncidentEventType" AS ENUM ('started', 'ping_sent', 'wave_started', 'delivery', 'reply', 'late_reply', 'closed', 'all_clear_sent', 'stand_down_sent', 'danger_alert_sent', 'paused', 'resumed', 'notes_updated', 'step_ticked', 'caller_word_checked', 'opted_out', 'opted_in', 'person_state');

ALTER TABLE "check_in"
  ALTER COLUMN "kind" TYPE "CheckInKind" USING ("kind"::"CheckInKind"),
  ALTER COLUMN "verdict" TYPE "CheckInVerdict" USING ("verdict"::"CheckInVerdict");

ALTER TABLE "incident"
  ALTER COLUMN "status" DROP DEFAULT,
  ALTER COLUMN "status" TYPE "IncidentStatus" USING ("status"::"IncidentStatus"),
  ALTER COLUMN "status" SET DEFAULT 'open',
  ALTER COLUMN "outcome" TYPE "IncidentOutcome" USING ("outcome"::"IncidentOutcome");

ALTER TABLE "incident_event"
  ALTER COLUMN "type" TYPE "IncidentEventType" USING ("type"::"IncidentEventType");
