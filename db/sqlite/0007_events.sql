-- The base app's events about participants, and the API keys of the integrations that send them.
-- An event is stored once per (key, event id): a replayed batch finds its events here and changes nothing.

CREATE TABLE ApiKeys (
    Id               INTEGER PRIMARY KEY AUTOINCREMENT,
    Name             TEXT    NOT NULL,
    KeyId            TEXT    NOT NULL,
    ProtectedSecret  TEXT    NOT NULL,
    CreatedAt        TEXT    NOT NULL,
    CreatedBy        TEXT    NOT NULL,
    RevokedAt        TEXT    NULL,
    RevokedBy        TEXT    NULL,
    LastUsedAt       TEXT    NULL,
    Version          INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX UX_ApiKeys_KeyId ON ApiKeys (KeyId);

CREATE TABLE ParticipantEvents (
    Id             INTEGER PRIMARY KEY AUTOINCREMENT,
    ApiKeyId       INTEGER NOT NULL REFERENCES ApiKeys (Id),
    EventId        TEXT    NOT NULL,
    EventType      TEXT    NOT NULL,
    ParticipantId  INTEGER NOT NULL REFERENCES Participants (Id),
    OccurredAt     TEXT    NOT NULL,
    ReceivedAt     TEXT    NOT NULL,
    Payload        TEXT    NOT NULL
);
CREATE UNIQUE INDEX UX_ParticipantEvents_EventId ON ParticipantEvents (ApiKeyId, EventId);
CREATE INDEX IX_ParticipantEvents_Participant ON ParticipantEvents (ParticipantId, OccurredAt);
