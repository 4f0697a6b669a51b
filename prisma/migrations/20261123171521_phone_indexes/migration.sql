-- CreateIndex
CREATE INDEX "person_phone_idx" ON "person"("phone");

-- CreateIndex
CREATE INDEX "contact_phone_idx" ON "contact"("phone");
