-- The base app's events about participants, and the API keys of the integrations that send them.
-- An event is stored once per (key, event id): a replayed batch finds its events here and changes nothing.

CREATE TABLE ApiKeys (
    Id               INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ApiKeys PRIMARY KEY,
    Name             NVARCHAR(200)  NOT NULL,
    KeyId            NVARCHAR(64)   NOT NULL,
    ProtectedSecret  NVARCHAR(MAX)  NOT NULL,
    CreatedAt        DATETIMEOFFSET NOT NULL,
    CreatedBy        NVARCHAR(100)  NOT NULL,
    RevokedAt        DATETIMEOFFSET NULL,
    RevokedBy        NVARCHAR(100)  NULL,
    LastUsedAt       DATETIMEOFFSET NULL,
    Version          INT            NOT NULL CONSTRAINT DF_ApiKeys_Version DEFAULT 1
);
CREATE UNIQUE INDEX UX_ApiKeys_KeyId ON ApiKeys (KeyId);

CREATE TABLE ParticipantEvents (
    Id             BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ParticipantEvents PRIMARY KEY,
    ApiKeyId       INT            NOT NULL CONSTRAINT FK_ParticipantEvents_ApiKeys REFERENCES ApiKeys (Id),
    EventId        NVARCHAR(100)  NOT NULL,
    EventType      NVARCHAR(40)   NOT NULL,
    ParticipantId  BIGINT         NOT NULL CONSTRAINT FK_ParticipantEvents_Participants REFERENCES Participants (Id),
    OccurredAt     DATETIMEOFFSET NOT NULL,
    ReceivedAt     DATETIMEOFFSET NOT NULL,
    Payload        NVARCHAR(MAX)  NOT NULL
);
CREATE UNIQUE INDEX UX_ParticipantEvents_EventId ON ParticipantEvents (ApiKeyId, EventId);
CREATE INDEX IX_ParticipantEvents_Participant ON ParticipantEvents (ParticipantId, OccurredAt);
