-- Webhooks of families deleted before this foreign key existed: their data goes with them.
DELETE FROM "inbound_webhook" WHERE "familyId" IS NOT NULL AND "familyId" NOT IN (SELECT "id" FROM "family");

-- CreateIndex
CREATE INDEX "inbound_webhook_familyId_idx" ON "inbound_webhook"("familyId");

-- AddForeignKey
ALTER TABLE "inbound_webhook" ADD CONSTRAINT "inbound_webhook_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;
