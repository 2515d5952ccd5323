ALTER TABLE "attempt_answers" ADD COLUMN "feedback" jsonb;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD COLUMN "notice" text;--> statement-breakpoint
ALTER TABLE "attempt_answers" ADD CONSTRAINT "attempt_answers_notice_known" CHECK ("attempt_answers"."notice" in ('not-a-number', 'wrong-unit'));