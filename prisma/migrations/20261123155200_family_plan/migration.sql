-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('sms', 'voice');

-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('partner', 'parent', 'child', 'sibling', 'relative', 'friend', 'neighbor', 'school', 'employer', 'coworker', 'coach', 'hotel', 'other');

-- AlterTable
ALTER TABLE "family" ADD COLUMN     "setupCompletedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'sms',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "person_contact" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "contactId" UUID NOT NULL,
    "tier" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "person_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "secret_words" (
    "familyId" UUID NOT NULL,
    "safeWordHash" TEXT NOT NULL,
    "duressWordHash" TEXT NOT NULL,
    "safeWordChangedAt" TIMESTAMP(3) NOT NULL,
    "duressWordChangedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "secret_words_pkey" PRIMARY KEY ("familyId")
);

-- CreateIndex
CREATE INDEX "person_familyId_position_idx" ON "person"("familyId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "person_familyId_phone_key" ON "person"("familyId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "contact_familyId_phone_key" ON "contact"("familyId", "phone");

-- CreateIndex
CREATE INDEX "person_contact_personId_tier_position_idx" ON "person_contact"("personId", "tier", "position");

-- CreateIndex
CREATE INDEX "person_contact_contactId_idx" ON "person_contact"("contactId");

-- CreateIndex
CREATE UNIQUE INDEX "person_contact_personId_contactId_key" ON "person_contact"("personId", "contactId");

-- AddForeignKey
ALTER TABLE "person" ADD CONSTRAINT "person_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_contact" ADD CONSTRAINT "person_contact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "person_contact" ADD CONSTRAINT "person_contact_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secret_words" ADD CONSTRAINT "secret_words_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;
