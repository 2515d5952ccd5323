CREATE TYPE "public"."assignment_kind" AS ENUM('course', 'module', 'lesson', 'quiz');--> statement-breakpoint
CREATE TABLE "class_teachers" (
	"class_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "class_teachers_class_id_teacher_id_pk" PRIMARY KEY("class_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_recipients" (
	"assignment_id" uuid NOT NULL,
	"apprentice_id" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "assignment_recipients_assignment_id_apprentice_id_pk" PRIMARY KEY("assignment_id","apprentice_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"class_id" uuid,
	"whole_class" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"kind" "assignment_kind" NOT NULL,
	"course_id" uuid NOT NULL,
	"module_id" uuid,
	"lesson_id" uuid,
	"quiz_id" uuid,
	"due_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "assignments_submissionId_unique" UNIQUE("submission_id"),
	CONSTRAINT "assignments_target_matches_kind" CHECK (("assignments"."kind" = 'course' and "assignments"."module_id" is null and "assignments"."lesson_id" is null and "assignments"."quiz_id" is null)
       or ("assignments"."kind" = 'module' and "assignments"."module_id" is not null and "assignments"."lesson_id" is null and "assignments"."quiz_id" is null)
       or ("assignments"."kind" = 'lesson' and "assignments"."lesson_id" is not null and "assignments"."quiz_id" is null)
       or ("assignments"."kind" = 'quiz' and "assignments"."quiz_id" is not null and "assignments"."lesson_id" is null)),
	CONSTRAINT "assignments_note_length" CHECK (length("assignments"."note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_teachers" ADD CONSTRAINT "class_teachers_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_recipients" ADD CONSTRAINT "assignment_recipients_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_recipients" ADD CONSTRAINT "assignment_recipients_apprentice_id_users_id_fk" FOREIGN KEY ("apprentice_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_class_id_school_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."school_classes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_module_id_course_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."course_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_quiz_id_quizzes_id_fk" FOREIGN KEY ("quiz_id") REFERENCES "public"."quizzes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_teachers_teacher_id_idx" ON "class_teachers" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "assignment_recipients_apprentice_idx" ON "assignment_recipients" USING btree ("apprentice_id");--> statement-breakpoint
CREATE INDEX "assignments_organization_due_idx" ON "assignments" USING btree ("organization_id","due_on") WHERE "assignments"."withdrawn_at" is null;--> statement-breakpoint
CREATE INDEX "assignments_class_idx" ON "assignments" USING btree ("class_id") WHERE "assignments"."withdrawn_at" is null;