-- AlterTable
ALTER TABLE "family" ADD COLUMN     "callDelaySeconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "tier1DelaySeconds" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "tier2DelaySeconds" INTEGER NOT NULL DEFAULT 180,
ADD COLUMN     "tier3DelaySeconds" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "membership" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "secret_words" ADD COLUMN     "safeWordExposedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "check_in" ADD COLUMN     "incidentId" UUID,
ADD COLUMN     "verdict" TEXT,
ADD COLUMN     "wave" INTEGER;

-- CreateTable
CREATE TABLE "incident" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "startedById" TEXT NOT NULL,
    "claimedPersonId" UUID,
    "drill" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "callerNumber" TEXT NOT NULL DEFAULT '',
    "demands" TEXT NOT NULL DEFAULT '',
    "paymentInstructions" TEXT NOT NULL DEFAULT '',
    "checkedSteps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "wrongWordAttempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_event" (
    "id" BIGSERIAL NOT NULL,
    "incidentId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incident_familyId_startedAt_idx" ON "incident"("familyId", "startedAt");

-- CreateIndex
CREATE INDEX "incident_event_incidentId_id_idx" ON "incident_event"("incidentId", "id");

-- CreateIndex
CREATE INDEX "check_in_incidentId_wave_idx" ON "check_in"("incidentId", "wave");

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident" ADD CONSTRAINT "incident_claimedPersonId_fkey" FOREIGN KEY ("claimedPersonId") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_event" ADD CONSTRAINT "incident_event_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;
