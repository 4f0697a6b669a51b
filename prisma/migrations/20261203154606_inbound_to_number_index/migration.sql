-- CreateIndex
CREATE INDEX "inbound_webhook_toNumber_receivedAt_idx" ON "inbound_webhook"("toNumber", "receivedAt");
