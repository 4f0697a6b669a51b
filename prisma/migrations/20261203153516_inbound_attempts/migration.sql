-- AlterTable
ALTER TABLE "inbound_webhook" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "parkedAt" TIMESTAMP(3);
