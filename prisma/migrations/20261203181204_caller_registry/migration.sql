-- CreateEnum
CREATE TYPE "CallerIdentifierKind" AS ENUM ('phone', 'clabe', 'card', 'store_reference', 'crypto');

-- AlterTable
ALTER TABLE "family" ADD COLUMN     "shareCallerReports" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "incident" ADD COLUMN     "callerHidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "callerPhone" TEXT;

-- CreateTable
CREATE TABLE "incident_identifier" (
    "id" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "kind" "CallerIdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_identifier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "caller_identifier" (
    "hash" TEXT NOT NULL,
    "kind" "CallerIdentifierKind" NOT NULL,
    "families" INTEGER NOT NULL DEFAULT 0,
    "value" TEXT,
    "source" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caller_identifier_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "caller_report" (
    "identifierHash" TEXT NOT NULL,
    "reporterHash" TEXT NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "caller_report_pkey" PRIMARY KEY ("identifierHash","reporterHash")
);

-- CreateTable
CREATE TABLE "family_caller_report" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "identifierHash" TEXT NOT NULL,
    "kind" "CallerIdentifierKind" NOT NULL,
    "incidentId" UUID,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "family_caller_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "number_lookup" (
    "hash" TEXT NOT NULL,
    "lineType" TEXT,
    "carrier" TEXT,
    "provider" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "number_lookup_pkey" PRIMARY KEY ("hash")
);

-- CreateTable
CREATE TABLE "partner_token" (
    "id" UUID NOT NULL,
    "organization" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "partner_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "incident_identifier_incidentId_kind_value_key" ON "incident_identifier"("incidentId", "kind", "value");

-- CreateIndex
CREATE INDEX "caller_identifier_updatedAt_hash_idx" ON "caller_identifier"("updatedAt", "hash");

-- CreateIndex
CREATE INDEX "caller_report_identifierHash_reportedAt_idx" ON "caller_report"("identifierHash", "reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "family_caller_report_familyId_identifierHash_key" ON "family_caller_report"("familyId", "identifierHash");

-- CreateIndex
CREATE UNIQUE INDEX "partner_token_tokenHash_key" ON "partner_token"("tokenHash");

-- AddForeignKey
ALTER TABLE "incident_identifier" ADD CONSTRAINT "incident_identifier_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "family_caller_report" ADD CONSTRAINT "family_caller_report_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;
