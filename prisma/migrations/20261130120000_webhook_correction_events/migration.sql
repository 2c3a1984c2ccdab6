-- Corrections reach webhooks too (lib/webhooks/events.ts): the undo of "Back to
-- sleep", a corrected waking, a removed one (also the undo of "I'm up").
-- Without them a receiver that turned a lamp on at waking.started kept it on
-- after an undo.
ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "webhook_endpoints_events_check";
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_events_check"
  CHECK ("events" IS NOT NULL AND cardinality("events") >= 1 AND "events" <@ ARRAY['waking.started', 'waking.ended', 'waking.reopened', 'waking.changed', 'waking.removed', 'tapout.requested', 'tapout.answered', 'swap.requested', 'swap.answered']::TEXT[]);
