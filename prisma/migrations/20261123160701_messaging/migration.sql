-- CreateTable
CREATE TABLE "outbound_message" (
    "id" UUID NOT NULL,
    "familyId" UUID,
    "channel" "Channel" NOT NULL,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "purpose" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerSid" TEXT,
    "status" TEXT NOT NULL,
    "errorCode" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "segments" INTEGER NOT NULL,
    "answeredBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbound_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "check_in" (
    "id" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "personId" UUID,
    "contactId" UUID,
    "phone" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "messageId" UUID,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "check_in_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbound_webhook" (
    "id" UUID NOT NULL,
    "providerKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fromNumber" TEXT,
    "body" TEXT,
    "params" JSONB NOT NULL,
    "familyId" UUID,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "inbound_webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sms_opt_out" (
    "phone" TEXT NOT NULL,
    "optedOutAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sms_opt_out_pkey" PRIMARY KEY ("phone")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbound_message_providerSid_key" ON "outbound_message"("providerSid");

-- CreateIndex
CREATE INDEX "outbound_message_familyId_createdAt_idx" ON "outbound_message"("familyId", "createdAt");

-- CreateIndex
CREATE INDEX "outbound_message_to_createdAt_idx" ON "outbound_message"("to", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "check_in_messageId_key" ON "check_in"("messageId");

-- CreateIndex
CREATE INDEX "check_in_familyId_createdAt_idx" ON "check_in"("familyId", "createdAt");

-- CreateIndex
CREATE INDEX "check_in_phone_createdAt_idx" ON "check_in"("phone", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "inbound_webhook_providerKey_key" ON "inbound_webhook"("providerKey");

-- CreateIndex
CREATE INDEX "inbound_webhook_fromNumber_receivedAt_idx" ON "inbound_webhook"("fromNumber", "receivedAt");

-- AddForeignKey
ALTER TABLE "outbound_message" ADD CONSTRAINT "outbound_message_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_personId_fkey" FOREIGN KEY ("personId") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "check_in" ADD CONSTRAINT "check_in_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "outbound_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;
