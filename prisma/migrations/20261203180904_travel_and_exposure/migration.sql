-- CreateEnum
CREATE TYPE "TripContactRole" AS ENUM ('desk', 'companion');

-- CreateEnum
CREATE TYPE "ExposureAnswer" AS ENUM ('yes', 'no', 'unsure');

-- AlterTable
ALTER TABLE "contact" ADD COLUMN     "forTrip" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "trip" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "destination" TEXT NOT NULL,
    "hotelName" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "warningQueuedAt" TIMESTAMP(3),
    "warningMessageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trip_contact" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "tripId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "role" "TripContactRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trip_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exposure_check" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "profilesPublic" "ExposureAnswer" NOT NULL,
    "phoneVisible" "ExposureAnswer" NOT NULL,
    "tripsPostedLive" "ExposureAnswer" NOT NULL,
    "placesPublic" "ExposureAnswer" NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exposure_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "trip_familyId_endsAt_idx" ON "trip"("familyId", "endsAt");

-- CreateIndex
CREATE INDEX "trip_personId_startsAt_idx" ON "trip"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "trip_contact_contactId_idx" ON "trip_contact"("contactId");

-- CreateIndex
CREATE INDEX "trip_contact_familyId_idx" ON "trip_contact"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "trip_contact_tripId_contactId_key" ON "trip_contact"("tripId", "contactId");

-- CreateIndex
CREATE INDEX "exposure_check_personId_checkedAt_idx" ON "exposure_check"("personId", "checkedAt");

-- CreateIndex
CREATE INDEX "exposure_check_familyId_idx" ON "exposure_check"("familyId");

-- AddForeignKey
ALTER TABLE "trip" ADD CONSTRAINT "trip_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip" ADD CONSTRAINT "trip_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_contact" ADD CONSTRAINT "trip_contact_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_contact" ADD CONSTRAINT "trip_contact_tripId_fkey" FOREIGN KEY ("tripId") REFERENCES "trip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trip_contact" ADD CONSTRAINT "trip_contact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exposure_check" ADD CONSTRAINT "exposure_check_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exposure_check" ADD CONSTRAINT "exposure_check_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;
