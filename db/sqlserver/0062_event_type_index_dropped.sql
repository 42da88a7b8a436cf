-- The same as db/sqlite/0062_event_type_index_dropped.sql, which explains the change.
DROP INDEX IX_ParticipantEvents_TypeParticipant ON ParticipantEvents;
