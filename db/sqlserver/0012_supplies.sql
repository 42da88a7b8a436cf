-- Supplies: the kits and refills each enrolled participant is sent (week 0 at enrolment, then the program's
-- shipment weeks), the files exported to the fulfilment partner, and the link from a shipment problem's CS action.

CREATE TABLE ShipmentExports (
    Id             INT IDENTITY(1,1) NOT NULL CONSTRAINT PK_ShipmentExports PRIMARY KEY,
    CohortId       INT            NULL CONSTRAINT FK_ShipmentExports_Cohorts REFERENCES Cohorts (Id),
    ShipmentCount  INT            NOT NULL,
    CreatedAt      DATETIMEOFFSET NOT NULL,
    CreatedBy      NVARCHAR(100)  NOT NULL
);

CREATE TABLE Shipments (
    Id              BIGINT IDENTITY(1,1) NOT NULL CONSTRAINT PK_Shipments PRIMARY KEY,
    ParticipantId   BIGINT         NOT NULL CONSTRAINT FK_Shipments_Participants REFERENCES Participants (Id),
    CohortId        INT            NOT NULL CONSTRAINT FK_Shipments_Cohorts REFERENCES Cohorts (Id),
    Week            INT            NOT NULL,
    Item            NVARCHAR(200)  NOT NULL,
    DueOn           DATE           NOT NULL,
    Status          NVARCHAR(20)   NOT NULL CONSTRAINT CK_Shipments_Status CHECK (Status IN ('Due', 'Exported', 'Shipped', 'Delivered', 'Returned', 'AddressProblem')),
    ExportId        INT            NULL CONSTRAINT FK_Shipments_Exports REFERENCES ShipmentExports (Id),
    ExportedOn      DATE           NULL,
    TrackingNumber  NVARCHAR(100)  NULL,
    ShippedOn       DATE           NULL,
    DeliveredOn     DATE           NULL,
    ProblemNote     NVARCHAR(1000) NULL,
    Version         INT            NOT NULL CONSTRAINT DF_Shipments_Version DEFAULT 1,
    CreatedAt       DATETIMEOFFSET NOT NULL,
    UpdatedAt       DATETIMEOFFSET NOT NULL,
    UpdatedBy       NVARCHAR(100)  NOT NULL
);
-- One shipment per participant and program week: the job inserts only what is missing.
CREATE UNIQUE INDEX UX_Shipments_ParticipantWeek ON Shipments (ParticipantId, Week);
-- The list by cohort and status, the export of a cohort's due shipments, the job's overdue checks.
CREATE INDEX IX_Shipments_CohortStatus ON Shipments (CohortId, Status, DueOn);
CREATE INDEX IX_Shipments_StatusDue ON Shipments (Status, DueOn);

-- The shipments each export file held, so a past file can be made again with the same rows even after a
-- shipment was re-sent in a later export.
CREATE TABLE ShipmentExportLines (
    ExportId    INT    NOT NULL CONSTRAINT FK_ShipmentExportLines_Exports REFERENCES ShipmentExports (Id),
    ShipmentId  BIGINT NOT NULL CONSTRAINT FK_ShipmentExportLines_Shipments REFERENCES Shipments (Id),
    CONSTRAINT PK_ShipmentExportLines PRIMARY KEY (ExportId, ShipmentId)
);

-- A shipment-problem action names its shipment, so the job can close it when the shipment's problem clears.
ALTER TABLE CsActions ADD ShipmentId BIGINT NULL CONSTRAINT FK_CsActions_Shipments REFERENCES Shipments (Id);
CREATE INDEX IX_CsActions_Shipment ON CsActions (ShipmentId);
