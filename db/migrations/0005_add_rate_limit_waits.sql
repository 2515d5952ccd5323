ALTER TABLE "rate_limits" DROP CONSTRAINT "rate_limits_count_positive";--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "blocked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_count_not_negative" CHECK ("rate_limits"."count" >= 0);