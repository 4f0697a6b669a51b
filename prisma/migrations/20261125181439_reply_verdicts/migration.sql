-- CreateEnum
CREATE TYPE "PersonVerification" AS ENUM ('waiting', 'probably_safe', 'confirmed_safe', 'in_danger');

-- AlterTable
ALTER TABLE "secret_words" ADD COLUMN     "duressWordTag" TEXT,
ADD COLUMN     "safeWordTag" TEXT;

-- AlterTable
ALTER TABLE "outbound_message" ADD COLUMN     "fromNumber" TEXT,
ADD COLUMN     "sendingAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "inbound_webhook" ADD COLUMN     "readings" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "toNumber" TEXT;

-- AlterTable
ALTER TABLE "incident" DROP COLUMN "wrongWordAttempts",
ADD COLUMN     "stepsDone" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "incident_person" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "state" "PersonVerification" NOT NULL DEFAULT 'waiting',
    "openPersonId" UUID,
    "wordAnsweredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incident_person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "word_attempt" (
    "id" BIGSERIAL NOT NULL,
    "personId" UUID NOT NULL,
    "incidentId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "word_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_person_openPersonId_key" ON "incident_person"("openPersonId");

-- CreateIndex
CREATE INDEX "incident_person_personId_idx" ON "incident_person"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "incident_person_incidentId_personId_key" ON "incident_person"("incidentId", "personId");

-- CreateIndex
CREATE INDEX "word_attempt_personId_at_idx" ON "word_attempt"("personId", "at");

-- CreateIndex
CREATE INDEX "inbound_webhook_processedAt_receivedAt_idx" ON "inbound_webhook"("processedAt", "receivedAt");

-- AddForeignKey
ALTER TABLE "incident_person" ADD CONSTRAINT "incident_person_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_person" ADD CONSTRAINT "incident_person_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "word_attempt" ADD CONSTRAINT "word_attempt_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Incidents that exist already: their claimed person, or everyone protected when the caller
-- named no one, waiting. Every incident keeps all its people. Of two open incidents holding the
-- same person (the old double tap), the earliest holds the person.
INSERT INTO "incident_person" ("id", "incidentId", "personId", "familyId", "state", "openPersonId", "updatedAt")
SELECT gen_random_uuid(), claimed."incidentId", claimed."personId", claimed."familyId", 'waiting',
       CASE WHEN claimed."status" = 'open' AND claimed.rank = 1 THEN claimed."personId" END, now()
  FROM (
    SELECT i."id" AS "incidentId", p."id" AS "personId", i."familyId", i."status",
           row_number() OVER (PARTITION BY p."id", i."status" ORDER BY i."startedAt") AS rank
      FROM "incident" i
      JOIN "person" p ON p."familyId" = i."familyId" AND (i."claimedPersonId" IS NULL OR p."id" = i."claimedPersonId")
  ) AS claimed;
