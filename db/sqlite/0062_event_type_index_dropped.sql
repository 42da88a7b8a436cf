-- Issue 18: every stored event wrote this index, and nothing reads events by type any more (the outcome reports count
-- the check-in weeks, final answers and satisfaction kept on each participant since 0016's read path was replaced).
-- The participant page reads a participant's events through IX_ParticipantEvents_Participant, idempotency through
-- UX_ParticipantEvents_EventId.
DROP INDEX IX_ParticipantEvents_TypeParticipant;
